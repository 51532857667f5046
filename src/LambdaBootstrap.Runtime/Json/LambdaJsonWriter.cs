using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace LambdaBootstrap.Runtime.Json;

/// <summary>
/// Writes compact JSON straight into an <see cref="IBufferWriter{T}"/>, byte for byte as System.Text.Json's
/// <c>Utf8JsonWriter</c> does with its default options and a maximum depth of 64, and throwing the same exception
/// types where it throws. It exists because it is small in a Native AOT binary: no encoder, no boxed enums in its
/// error paths, nothing that keeps the reflection stack.
/// </summary>
public sealed class LambdaJsonWriter
{
    private const int MaxDepth = 64;
    // Utf8JsonWriter's limit for one string or property name, in UTF-16 code units or UTF-8 bytes.
    private const int MaxTokenLength = 166_666_666;
    // Longer than any number, Guid or date this writer formats, with its quotes and a comma.
    private const int MaxScalarLength = 64;

    // Where the writer is: at the start of a document or a container, after a value, or after a property name.
    private const byte AtStart = 0;
    private const byte AfterValue = 1;
    private const byte AfterName = 2;

    private IBufferWriter<byte> _output;
    private ulong _objects;   // bit d is set when the container at depth d + 1 is an object
    private int _depth;
    private byte _state;

    /// <summary>Creates a writer that writes into <paramref name="output"/>, with nothing buffered of its own.</summary>
    public LambdaJsonWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>How many objects and arrays are open.</summary>
    public int CurrentDepth => _depth;

    /// <summary>Starts a new document in <paramref name="output"/>, forgetting everything written before.</summary>
    public void Reset(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _objects = 0;
        _depth = 0;
        _state = AtStart;
    }

    /// <summary>Writes <c>{</c>.</summary>
    public void WriteStartObject() => WriteStart((byte)'{', isObject: true);

    /// <summary>Writes <c>[</c>.</summary>
    public void WriteStartArray() => WriteStart((byte)'[', isObject: false);

    /// <summary>Writes <c>}</c>, closing the innermost container, which must be an object with no pending name.</summary>
    public void WriteEndObject() => WriteEnd((byte)'}', isObject: true);

    /// <summary>Writes <c>]</c>, closing the innermost container, which must be an array.</summary>
    public void WriteEndArray() => WriteEnd((byte)']', isObject: false);

    /// <summary>Writes a property name, escaped, and its colon; the next call writes its value.</summary>
    public void WritePropertyName(ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length > MaxTokenLength)
            throw TooLong("property name", utf8Name.Length);
        BeforeName();
        int toEscape = JsonEscaping.IndexOfFirstToEscape(utf8Name);
        var span = _output.GetSpan(EscapedLength(utf8Name.Length, toEscape) + 4);
        int at = Separator(span);
        span[at++] = (byte)'"';
        if (toEscape < 0)
        {
            utf8Name.CopyTo(span[at..]);
            at += utf8Name.Length;
        }
        else
        {
            at += JsonEscaping.Escape(utf8Name, toEscape, span[at..]);
        }
        span[at++] = (byte)'"';
        span[at++] = (byte)':';
        _output.Advance(at);
        _state = AfterName;
    }

    /// <summary>Writes a property name, escaped, and its colon; the next call writes its value.</summary>
    public void WritePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxTokenLength)
            throw TooLong("property name", name.Length);
        BeforeName();
        var span = _output.GetSpan(EscapedLength(name, out int toEscape) + 4);
        int at = Separator(span);
        at += Quoted(name, toEscape, span[at..]);
        span[at++] = (byte)':';
        _output.Advance(at);
        _state = AfterName;
    }

    /// <summary>Writes a string, escaped; a null string writes <c>null</c>.</summary>
    public void WriteStringValue(string? value)
    {
        if (value is null)
            WriteNullValue();
        else
            WriteStringValue(value.AsSpan());
    }

    /// <summary>Writes a string, escaped.</summary>
    public void WriteStringValue(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxTokenLength)
            throw TooLong("string", value.Length);
        BeforeValue();
        var span = _output.GetSpan(EscapedLength(value, out int toEscape) + 3);
        int at = Separator(span);
        at += Quoted(value, toEscape, span[at..]);
        Done(at);
    }

    /// <summary>Writes a string given as UTF-8, escaped.</summary>
    public void WriteStringValue(ReadOnlySpan<byte> utf8Value)
    {
        if (utf8Value.Length > MaxTokenLength)
            throw TooLong("string", utf8Value.Length);
        BeforeValue();
        int toEscape = JsonEscaping.IndexOfFirstToEscape(utf8Value);
        var span = _output.GetSpan(EscapedLength(utf8Value.Length, toEscape) + 3);
        int at = Separator(span);
        span[at++] = (byte)'"';
        if (toEscape < 0)
        {
            utf8Value.CopyTo(span[at..]);
            at += utf8Value.Length;
        }
        else
        {
            at += JsonEscaping.Escape(utf8Value, toEscape, span[at..]);
        }
        span[at++] = (byte)'"';
        Done(at);
    }

    /// <summary>Writes a Guid as a string in its <c>D</c> form (lower-case hex with hyphens).</summary>
    public void WriteStringValue(Guid value)
    {
        BeforeValue();
        var span = _output.GetSpan(MaxScalarLength);
        int at = Separator(span);
        span[at++] = (byte)'"';
        value.TryFormat(span[at..], out int written, "D");
        at += written;
        span[at++] = (byte)'"';
        Done(at);
    }

    /// <summary>Writes a date as an ISO 8601 string (the round-trip form, trailing zeros of the fraction trimmed).</summary>
    public void WriteStringValue(DateTime value)
    {
        BeforeValue();
        var span = _output.GetSpan(MaxScalarLength);
        int at = Separator(span);
        span[at++] = (byte)'"';
        at += IsoDate.Format(value, span[at..]);
        span[at++] = (byte)'"';
        Done(at);
    }

    /// <summary>Writes a date and offset as an ISO 8601 string (the round-trip form, trailing zeros of the fraction trimmed).</summary>
    public void WriteStringValue(DateTimeOffset value)
    {
        BeforeValue();
        var span = _output.GetSpan(MaxScalarLength);
        int at = Separator(span);
        span[at++] = (byte)'"';
        at += IsoDate.Format(value, span[at..]);
        span[at++] = (byte)'"';
        Done(at);
    }

    /// <summary>Writes bytes as a base64 string (standard alphabet, padded).</summary>
    public void WriteBase64StringValue(ReadOnlySpan<byte> bytes)
    {
        long encoded = (bytes.Length + 2L) / 3 * 4;
        if (encoded > int.MaxValue - 3)
            throw TooLong("base64 value", bytes.Length);
        BeforeValue();
        var span = _output.GetSpan((int)encoded + 3);
        int at = Separator(span);
        span[at++] = (byte)'"';
        Base64.EncodeToUtf8(bytes, span[at..], out _, out int written);
        at += written;
        span[at++] = (byte)'"';
        Done(at);
    }

    /// <summary>Writes a number.</summary>
    public void WriteNumberValue(int value) => WriteFormatted(value);

    /// <summary>Writes a number.</summary>
    public void WriteNumberValue(uint value) => WriteFormatted(value);

    /// <summary>Writes a number.</summary>
    public void WriteNumberValue(long value) => WriteFormatted(value);

    /// <summary>Writes a number.</summary>
    public void WriteNumberValue(ulong value) => WriteFormatted(value);

    /// <summary>Writes a number in its shortest form that reads back to the same value.</summary>
    /// <exception cref="ArgumentException">The value is NaN or an infinity, which JSON cannot represent.</exception>
    public void WriteNumberValue(float value)
    {
        if (!float.IsFinite(value))
            throw NotFinite();
        WriteFormatted(value);
    }

    /// <summary>Writes a number in its shortest form that reads back to the same value.</summary>
    /// <exception cref="ArgumentException">The value is NaN or an infinity, which JSON cannot represent.</exception>
    public void WriteNumberValue(double value)
    {
        if (!double.IsFinite(value))
            throw NotFinite();
        WriteFormatted(value);
    }

    /// <summary>Writes a number with all its digits, trailing zeros of its scale included.</summary>
    public void WriteNumberValue(decimal value) => WriteFormatted(value);

    // A struct type parameter: one compiled copy per number type, no boxing, as the separate methods had.
    private void WriteFormatted<T>(T value) where T : struct, IUtf8SpanFormattable
    {
        BeforeValue();
        var span = _output.GetSpan(MaxScalarLength);
        int at = Separator(span);
        value.TryFormat(span[at..], out int written, default, CultureInfo.InvariantCulture);
        Done(at + written);
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public void WriteBooleanValue(bool value)
    {
        BeforeValue();
        var span = _output.GetSpan(6);
        int at = Separator(span);
        var literal = value ? "true"u8 : "false"u8;
        literal.CopyTo(span[at..]);
        Done(at + literal.Length);
    }

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNullValue()
    {
        BeforeValue();
        var span = _output.GetSpan(5);
        int at = Separator(span);
        "null"u8.CopyTo(span[at..]);
        Done(at + 4);
    }

    /// <summary>Writes a complete JSON value produced elsewhere, as it is: it is not checked.</summary>
    /// <exception cref="ArgumentException"><paramref name="utf8Json"/> is empty.</exception>
    public void WriteRawValue(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
            throw new ArgumentException("A raw JSON value cannot be empty.", nameof(utf8Json));
        BeforeValue();
        var span = _output.GetSpan(utf8Json.Length + 1);
        int at = Separator(span);
        utf8Json.CopyTo(span[at..]);
        Done(at + utf8Json.Length);
    }

    private bool InObject => _depth > 0 && (_objects & (1UL << (_depth - 1))) != 0;

    private void WriteStart(byte token, bool isObject)
    {
        if (_depth >= MaxDepth)
            throw new InvalidOperationException("The JSON is nested deeper than 64 objects and arrays.");
        BeforeValue();
        var span = _output.GetSpan(2);
        int at = Separator(span);
        span[at++] = token;
        _output.Advance(at);
        if (isObject)
            _objects |= 1UL << _depth;
        else
            _objects &= ~(1UL << _depth);
        _depth++;
        _state = AtStart;
    }

    private void WriteEnd(byte token, bool isObject)
    {
        if (_depth == 0 || InObject != isObject)
            throw new InvalidOperationException(isObject
                ? "There is no open object to end here."
                : "There is no open array to end here.");
        if (_state == AfterName)
            throw new InvalidOperationException("The object cannot end after a property name: its value is missing.");
        var span = _output.GetSpan(1);
        span[0] = token;
        _output.Advance(1);
        _depth--;
        _state = AfterValue;
    }

    private void BeforeValue()
    {
        if (InObject)
        {
            if (_state != AfterName)
                throw new InvalidOperationException("A value inside an object needs a property name first.");
        }
        else if (_depth == 0 && _state != AtStart)
        {
            throw new InvalidOperationException("A JSON document has one top-level value, and it is already written.");
        }
    }

    private void BeforeName()
    {
        if (!InObject)
            throw new InvalidOperationException("A property name can only be written inside an object.");
        if (_state == AfterName)
            throw new InvalidOperationException("A property name cannot follow another property name: a value is missing.");
    }

    /// <summary>Writes the comma that separates this token from the one before it, if any.</summary>
    private int Separator(Span<byte> span)
    {
        if (_state != AfterValue)
            return 0;
        span[0] = (byte)',';
        return 1;
    }

    private void Done(int written)
    {
        _output.Advance(written);
        _state = AfterValue;
    }

    private static int EscapedLength(int length, int firstToEscape) =>
        firstToEscape < 0 ? length : firstToEscape + (length - firstToEscape) * JsonEscaping.MaxExpansion;

    private static int EscapedLength(ReadOnlySpan<char> text, out int firstToEscape)
    {
        firstToEscape = JsonEscaping.IndexOfFirstToEscape(text);
        return EscapedLength(text.Length, firstToEscape);
    }

    /// <summary>Writes <paramref name="text"/> quoted and escaped; the destination is large enough.</summary>
    private static int Quoted(ReadOnlySpan<char> text, int firstToEscape, Span<byte> destination)
    {
        destination[0] = (byte)'"';
        int at = 1 + (firstToEscape < 0
            ? JsonEscaping.Narrow(text, destination[1..])
            : JsonEscaping.Escape(text, firstToEscape, destination[1..]));
        destination[at++] = (byte)'"';
        return at;
    }

    private static ArgumentException TooLong(string what, int length) =>
        new($"The JSON {what} is too long ({length} characters or bytes).");

    private static ArgumentException NotFinite() =>
        new("JSON cannot represent NaN or an infinity.");
}
