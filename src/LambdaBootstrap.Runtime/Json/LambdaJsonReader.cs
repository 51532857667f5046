using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace LambdaBootstrap.Runtime.Json;

/// <summary>
/// A forward-only reader over one complete UTF-8 JSON text, with the rules of System.Text.Json's <c>Utf8JsonReader</c>
/// under its default options: no comments, no trailing commas, at most 64 levels of nesting, nothing but white space
/// after the value. It accepts and rejects the same texts and gives the same tokens and values.
/// </summary>
/// <remarks>
/// The runtime has its own so that a typed function carries no System.Text.Json reader: that reader's error messages
/// format a boxed enum, which keeps .NET's reflection stack in a Native AOT binary. Strings are validated as UTF-8
/// only when read as text (<see cref="GetString"/>), as System.Text.Json does. Errors are <see cref="JsonException"/>s
/// that name the byte where reading stopped.
/// </remarks>
public ref struct LambdaJsonReader
{
    /// <summary>The nesting allowed, as System.Text.Json's default.</summary>
    public const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _json;
    private int _consumed;
    private int _tokenStart;
    private int _valueStart;
    private int _valueLength;
    private int _depth;
    // Bit d is set when the container at depth d + 1 is an object.
    private ulong _objects;
    private JsonTokenType _tokenType;
    private bool _escaped;

    /// <summary>A reader before the first token of <paramref name="json"/>.</summary>
    /// <param name="json">The whole JSON text, UTF-8.</param>
    public LambdaJsonReader(ReadOnlySpan<byte> json) => _json = json;

    /// <summary>The current token's kind; <see cref="JsonTokenType.None"/> before the first <see cref="Read"/>.</summary>
    public readonly JsonTokenType TokenType => _tokenType;

    /// <summary>The current string's or property name's bytes as they are in the text (without quotes, still escaped),
    /// or the current number's or literal's text.</summary>
    public readonly ReadOnlySpan<byte> ValueSpan => _json.Slice(_valueStart, _valueLength);

    /// <summary>Whether the current string or property name has escapes (<c>\</c>).</summary>
    public readonly bool ValueIsEscaped => _escaped;

    /// <summary>Where the current token starts, in bytes from the start of the text.</summary>
    public readonly long TokenStartIndex => _tokenStart;

    /// <summary>How many bytes of the text have been read.</summary>
    public readonly long BytesConsumed => _consumed;

    /// <summary>How many objects and arrays enclose the current token (a container's own start and end tokens are outside it).</summary>
    public readonly int CurrentDepth => _tokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? _depth - 1 : _depth;

    /// <summary>Reads the next token.</summary>
    /// <returns>false once the whole value has been read and only white space follows it.</returns>
    /// <exception cref="JsonException">The text is not valid JSON.</exception>
    public bool Read()
    {
        int i = SkipWhiteSpace(_consumed);
        if (_tokenType == JsonTokenType.None)
        {
            if (i == _json.Length)
                throw Error(i, "The JSON text is empty");
            ReadValue(i);
            return true;
        }
        if (_depth == 0)
        {
            if (i == _json.Length)
            {
                _consumed = i;
                return false;
            }
            throw Error(i, "Only white space may follow the JSON value");
        }
        if (i == _json.Length)
            throw Error(i, "The JSON text ends inside an object or array");
        byte c = _json[i];
        bool inObject = (_objects & (1UL << (_depth - 1))) != 0;
        switch (_tokenType)
        {
            case JsonTokenType.StartObject:
                if (c == '}')
                    End(i, JsonTokenType.EndObject);
                else
                    ReadPropertyName(i);
                return true;
            case JsonTokenType.StartArray:
                if (c == ']')
                    End(i, JsonTokenType.EndArray);
                else
                    ReadValue(i);
                return true;
            case JsonTokenType.PropertyName:
                ReadValue(i);
                return true;
        }
        if (c == ',')
        {
            i = SkipWhiteSpace(i + 1);
            if (i == _json.Length)
                throw Error(i, "The JSON text ends inside an object or array");
            if (inObject)
                ReadPropertyName(i);
            else
                ReadValue(i);
        }
        else if (c == (inObject ? (byte)'}' : (byte)']'))
        {
            End(i, inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
        }
        else
        {
            throw Error(i, inObject ? "Expected ',' or '}' after a member's value" : "Expected ',' or ']' after an array item");
        }
        return true;
    }

    /// <summary>
    /// Skips the current value: from a property name, its value; from the start of an object or array, to its end.
    /// Other tokens are already whole.
    /// </summary>
    /// <exception cref="JsonException">The skipped value is not valid JSON.</exception>
    public void Skip()
    {
        if (_tokenType == JsonTokenType.PropertyName)
            Read();
        if (_tokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return;
        int depth = _depth;
        do
            Read();
        while (_depth >= depth);
    }

    /// <summary>Whether the current string or property name, unescaped, is <paramref name="utf8Text"/>.</summary>
    /// <param name="utf8Text">The text to compare with, UTF-8.</param>
    /// <returns>Whether they are the same bytes.</returns>
    /// <exception cref="InvalidOperationException">The current token is not a string or property name.</exception>
    /// <exception cref="JsonException">An escape in the current string is not valid UTF-16.</exception>
    public readonly bool ValueTextEquals(ReadOnlySpan<byte> utf8Text)
    {
        CheckText();
        if (!_escaped)
            return ValueSpan.SequenceEqual(utf8Text);
        byte[]? rented = null;
        Span<byte> buffer = _valueLength <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(_valueLength));
        try
        {
            return buffer[..Unescape(buffer)].SequenceEqual(utf8Text);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The current string or property name as text.</summary>
    /// <returns>The unescaped text.</returns>
    /// <exception cref="InvalidOperationException">The current token is not a string or property name.</exception>
    /// <exception cref="JsonException">The string, unescaped, is not valid UTF-8 or UTF-16.</exception>
    public readonly string GetString()
    {
        CheckText();
        if (!_escaped)
            return ToText(ValueSpan);
        byte[]? rented = null;
        Span<byte> buffer = _valueLength <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(_valueLength));
        try
        {
            return ToText(buffer[..Unescape(buffer)]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The current number as a <see cref="byte"/>, if it is an integer in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetByte(out byte value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as an <see cref="sbyte"/>, if it is an integer in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetSByte(out sbyte value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as a <see cref="short"/>, if it is an integer in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetInt16(out short value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as a <see cref="ushort"/>, if it is an integer in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetUInt16(out ushort value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as an <see cref="int"/>, if it is an integer in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetInt32(out int value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as a <see cref="uint"/>, if it is an integer in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetUInt32(out uint value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as a <see cref="long"/>, if it is an integer in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetInt64(out long value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as a <see cref="ulong"/>, if it is an integer in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetUInt64(out ulong value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as a <see cref="float"/> (infinite beyond its range, as System.Text.Json reads it).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it is a number.</returns>
    public readonly bool TryGetSingle(out float value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as a <see cref="double"/> (infinite beyond its range, as System.Text.Json reads it).</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it is a number.</returns>
    public readonly bool TryGetDouble(out double value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current number as a <see cref="decimal"/>, if it is in its range.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Whether it fits.</returns>
    public readonly bool TryGetDecimal(out decimal value) => Utf8Parser.TryParse(Number(), out value, out int used) && used == _valueLength;

    /// <summary>The current string as a <see cref="Guid"/> in its 36-character form with hyphens.</summary>
    /// <param name="value">The GUID.</param>
    /// <returns>Whether the string is one.</returns>
    /// <exception cref="JsonException">An escape in the string is not valid UTF-16.</exception>
    public readonly bool TryGetGuid(out Guid value)
    {
        value = default;
        CheckString();
        // Six bytes per escaped character at most.
        if (_valueLength > 36 * 6)
            return false;
        Span<byte> buffer = stackalloc byte[36 * 6];
        var text = _escaped ? buffer[..Unescape(buffer)] : ValueSpan;
        return text.Length == 36 && Utf8Parser.TryParse(text, out value, out _, 'D');
    }

    /// <summary>The current string as a <see cref="DateTime"/> in System.Text.Json's ISO 8601 forms: with no offset its kind
    /// is unspecified, with <c>Z</c> UTC, and with an offset it is converted to local time.</summary>
    /// <param name="value">The date and time.</param>
    /// <returns>Whether the string is one.</returns>
    /// <exception cref="JsonException">An escape in the string is not valid UTF-16.</exception>
    public readonly bool TryGetDateTime(out DateTime value)
    {
        value = default;
        Span<byte> buffer = stackalloc byte[MaxEscapedDateLength];
        return DateText(buffer, out var text) && IsoDate.TryParse(text, out value);
    }

    /// <summary>The current string as a <see cref="DateTimeOffset"/> in System.Text.Json's ISO 8601 forms (with no offset,
    /// the local time zone's).</summary>
    /// <param name="value">The date, time and offset.</param>
    /// <returns>Whether the string is one.</returns>
    /// <exception cref="JsonException">An escape in the string is not valid UTF-16.</exception>
    public readonly bool TryGetDateTimeOffset(out DateTimeOffset value)
    {
        value = default;
        Span<byte> buffer = stackalloc byte[MaxEscapedDateLength];
        return DateText(buffer, out var text) && IsoDate.TryParse(text, out value);
    }

    // The longest date System.Text.Json reads is 42 bytes (16 fraction digits and an offset); six bytes per escape.
    private const int MaxEscapedDateLength = 42 * 6;

    private readonly bool DateText(Span<byte> buffer, out ReadOnlySpan<byte> text)
    {
        CheckString();
        text = default;
        if (_valueLength > MaxEscapedDateLength)
            return false;
        text = _escaped ? buffer[..Unescape(buffer)] : ValueSpan;
        return true;
    }

    /// <summary>The current string's bytes, decoded from base64.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>Whether the string is base64.</returns>
    /// <exception cref="JsonException">An escape in the string is not valid UTF-16.</exception>
    public readonly bool TryGetBytesFromBase64(out byte[]? value)
    {
        value = null;
        CheckString();
        byte[] text = _escaped ? ValueSpan.ToArray() : [];
        var base64 = _escaped ? text.AsSpan(0, Unescape(text)) : ValueSpan;
        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        if (Base64.DecodeFromUtf8(base64, decoded, out _, out int written) != OperationStatus.Done)
            return false;
        value = written == decoded.Length ? decoded : decoded.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>The text of the current token and everything read since: the whole of a value that was just skipped.</summary>
    internal readonly ReadOnlySpan<byte> TextFrom(long start) => _json[(int)start.._consumed];

    private void ReadValue(int i)
    {
        _tokenStart = i;
        _escaped = false;
        switch (_json[i])
        {
            case (byte)'"':
                ReadString(i);
                _tokenType = JsonTokenType.String;
                return;
            case (byte)'{':
            case (byte)'[':
                if (_depth >= MaxDepth)
                    throw Error(i, "The JSON nests deeper than 64 objects and arrays");
                bool isObject = _json[i] == '{';
                _objects = isObject ? _objects | (1UL << _depth) : _objects & ~(1UL << _depth);
                _depth++;
                Token(i, 1, isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray);
                return;
            case (byte)'t':
                Literal(i, "true"u8, JsonTokenType.True);
                return;
            case (byte)'f':
                Literal(i, "false"u8, JsonTokenType.False);
                return;
            case (byte)'n':
                Literal(i, "null"u8, JsonTokenType.Null);
                return;
            case (byte)'-':
            case >= (byte)'0' and <= (byte)'9':
                Token(i, NumberLength(i), JsonTokenType.Number);
                return;
            default:
                throw Error(i, "Expected a JSON value");
        }
    }

    private void ReadPropertyName(int i)
    {
        if (_json[i] != '"')
            throw Error(i, "Expected a property name in double quotes");
        _tokenStart = i;
        ReadString(i);
        int colon = SkipWhiteSpace(_consumed);
        if (colon == _json.Length || _json[colon] != ':')
            throw Error(colon, "Expected ':' after a property name");
        _consumed = colon + 1;
        _tokenType = JsonTokenType.PropertyName;
    }

    // Finds the closing quote, checking escapes and that no control character is left unescaped.
    private void ReadString(int quote)
    {
        int i = quote + 1;
        bool escaped = false;
        while (true)
        {
            var rest = _json[i..];
            int stop = rest.IndexOfAny((byte)'"', (byte)'\\');
            int control = (stop < 0 ? rest : rest[..stop]).IndexOfAnyInRange((byte)0, (byte)0x1F);
            if (control >= 0)
                throw Error(i + control, "A control character must be escaped in a JSON string");
            if (stop < 0)
                throw Error(_json.Length, "The JSON text ends inside a string");
            i += stop;
            if (_json[i] == '"')
                break;
            escaped = true;
            i += EscapeLength(i);
        }
        _escaped = escaped;
        _valueStart = quote + 1;
        _valueLength = i - quote - 1;
        _consumed = i + 1;
    }

    private readonly int EscapeLength(int backslash)
    {
        if (backslash + 1 == _json.Length)
            throw Error(_json.Length, "The JSON text ends inside a string");
        switch (_json[backslash + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return 2;
            case (byte)'u':
                if (backslash + 6 > _json.Length || !IsHex4(_json.Slice(backslash + 2, 4)))
                    throw Error(backslash, "Expected four hexadecimal digits after \\u");
                return 6;
            default:
                throw Error(backslash, "Not a JSON escape");
        }
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, then a delimiter or the end.
    private readonly int NumberLength(int start)
    {
        int i = start;
        if (_json[i] == '-')
            i++;
        if (i == _json.Length || !char.IsAsciiDigit((char)_json[i]))
            throw Error(i, "Expected a digit in a JSON number");
        i = _json[i] == '0' ? i + 1 : Digits(i);
        if (i < _json.Length && _json[i] == '.')
        {
            if (i + 1 == _json.Length || !char.IsAsciiDigit((char)_json[i + 1]))
                throw Error(i + 1, "Expected a digit after a decimal point");
            i = Digits(i + 1);
        }
        if (i < _json.Length && (_json[i] | 0x20) == 'e')
        {
            i++;
            if (i < _json.Length && _json[i] is (byte)'+' or (byte)'-')
                i++;
            if (i == _json.Length || !char.IsAsciiDigit((char)_json[i]))
                throw Error(i, "Expected a digit in a JSON number's exponent");
            i = Digits(i);
        }
        // A number may end the text only as the whole value; inside an object or array, System.Text.Json wants its delimiter.
        if (i == _json.Length && _depth > 0)
            throw Error(i, "The JSON text ends inside an object or array");
        if (i < _json.Length && _json[i] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/'))
            throw Error(i, "Expected a delimiter after a JSON number");
        return i - start;
    }

    private readonly int Digits(int i)
    {
        while (i < _json.Length && char.IsAsciiDigit((char)_json[i]))
            i++;
        return i;
    }

    private void Literal(int i, ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!_json[i..].StartsWith(literal))
            throw Error(i, "Expected a JSON value");
        Token(i, literal.Length, type);
    }

    private void Token(int start, int length, JsonTokenType type)
    {
        _tokenType = type;
        _valueStart = start;
        _valueLength = length;
        _consumed = start + length;
    }

    private void End(int i, JsonTokenType type)
    {
        _depth--;
        _tokenStart = i;
        _escaped = false;
        Token(i, 1, type);
    }

    private readonly int SkipWhiteSpace(int i)
    {
        while (i < _json.Length && _json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            i++;
        return i;
    }

    // Writes the current string's unescaped bytes into buffer (at least its escaped length) and returns how many.
    private readonly int Unescape(Span<byte> buffer)
    {
        var source = ValueSpan;
        int written = 0;
        while (true)
        {
            int backslash = source.IndexOf((byte)'\\');
            var plain = backslash < 0 ? source : source[..backslash];
            plain.CopyTo(buffer[written..]);
            written += plain.Length;
            if (backslash < 0)
                return written;
            byte e = source[backslash + 1];
            if (e != 'u')
            {
                buffer[written++] = e switch
                {
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    _ => e,
                };
                source = source[(backslash + 2)..];
                continue;
            }
            int scalar = Hex4(source.Slice(backslash + 2, 4));
            source = source[(backslash + 6)..];
            if (char.IsLowSurrogate((char)scalar))
                throw Error(_valueStart, "A JSON string escapes a low surrogate that follows no high surrogate");
            if (char.IsHighSurrogate((char)scalar))
            {
                if (source.Length < 6 || source[0] != '\\' || source[1] != 'u' || !char.IsLowSurrogate((char)Hex4(source.Slice(2, 4))))
                    throw Error(_valueStart, "A JSON string escapes a high surrogate that no low surrogate follows");
                scalar = char.ConvertToUtf32((char)scalar, (char)Hex4(source.Slice(2, 4)));
                source = source[6..];
            }
            written += new Rune(scalar).EncodeToUtf8(buffer[written..]);
        }
    }

    private readonly string ToText(ReadOnlySpan<byte> utf8) =>
        Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : throw Error(_valueStart, "A JSON string is not valid UTF-8");

    private static bool IsHex4(ReadOnlySpan<byte> digits) =>
        char.IsAsciiHexDigit((char)digits[0]) && char.IsAsciiHexDigit((char)digits[1])
        && char.IsAsciiHexDigit((char)digits[2]) && char.IsAsciiHexDigit((char)digits[3]);

    private static int Hex4(ReadOnlySpan<byte> digits) =>
        (HexValue(digits[0]) << 12) | (HexValue(digits[1]) << 8) | (HexValue(digits[2]) << 4) | HexValue(digits[3]);

    private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    private readonly ReadOnlySpan<byte> Number() => _tokenType == JsonTokenType.Number
        ? ValueSpan : throw new InvalidOperationException("The current JSON token is not a number.");

    private readonly void CheckText()
    {
        if (_tokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            throw new InvalidOperationException("The current JSON token is not a string or property name.");
    }

    private readonly void CheckString()
    {
        if (_tokenType != JsonTokenType.String)
            throw new InvalidOperationException("The current JSON token is not a string.");
    }

    private static JsonException Error(int at, string what) => new($"{what}, at byte {at}.");
}
