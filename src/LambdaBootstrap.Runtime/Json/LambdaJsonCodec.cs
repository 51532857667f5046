using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaBootstrap.Runtime.Json;

/// <summary>
/// The value readers, writers and errors that the JSON source generator's code calls, one per JSON primitive type,
/// each with System.Text.Json's default rules (numbers only from numbers, no overflow, ISO 8601 dates). Shared here so
/// that each function compiles them once, not once per type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LambdaJsonCodec
{
    /// <summary>A string or null.</summary>
    public static string? ReadString(ref LambdaJsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => GetString(ref reader),
        JsonTokenType.Null => null,
        _ => throw NotConvertible(ref reader, "String"),
    };

    /// <summary>The current string or property name; text that is not valid UTF-8 or UTF-16 once unescaped is a <see cref="JsonException"/>.</summary>
    public static string GetString(ref LambdaJsonReader reader) => reader.GetString();

    /// <summary>true or false.</summary>
    public static bool ReadBoolean(ref LambdaJsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw NotConvertible(ref reader, "Boolean"),
    };

    /// <summary>A string of exactly one UTF-16 character.</summary>
    public static char ReadChar(ref LambdaJsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && GetString(ref reader) is { Length: 1 } s)
            return s[0];
        throw NotConvertible(ref reader, "Char");
    }

    /// <summary>A number that fits a <see cref="byte"/>.</summary>
    public static byte ReadByte(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetByte(out var v) ? v : throw NotConvertible(ref reader, "Byte");

    /// <summary>A number that fits an <see cref="sbyte"/>.</summary>
    public static sbyte ReadSByte(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetSByte(out var v) ? v : throw NotConvertible(ref reader, "SByte");

    /// <summary>A number that fits a <see cref="short"/>.</summary>
    public static short ReadInt16(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetInt16(out var v) ? v : throw NotConvertible(ref reader, "Int16");

    /// <summary>A number that fits a <see cref="ushort"/>.</summary>
    public static ushort ReadUInt16(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetUInt16(out var v) ? v : throw NotConvertible(ref reader, "UInt16");

    /// <summary>A number that fits an <see cref="int"/>.</summary>
    public static int ReadInt32(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetInt32(out var v) ? v : throw NotConvertible(ref reader, "Int32");

    /// <summary>A number that fits a <see cref="uint"/>.</summary>
    public static uint ReadUInt32(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetUInt32(out var v) ? v : throw NotConvertible(ref reader, "UInt32");

    /// <summary>A number that fits a <see cref="long"/>.</summary>
    public static long ReadInt64(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetInt64(out var v) ? v : throw NotConvertible(ref reader, "Int64");

    /// <summary>A number that fits a <see cref="ulong"/>.</summary>
    public static ulong ReadUInt64(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetUInt64(out var v) ? v : throw NotConvertible(ref reader, "UInt64");

    /// <summary>A number that fits a <see cref="float"/>.</summary>
    public static float ReadSingle(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetSingle(out var v) ? v : throw NotConvertible(ref reader, "Single");

    /// <summary>A number that fits a <see cref="double"/>.</summary>
    public static double ReadDouble(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetDouble(out var v) ? v : throw NotConvertible(ref reader, "Double");

    /// <summary>A number that fits a <see cref="decimal"/>.</summary>
    public static decimal ReadDecimal(ref LambdaJsonReader reader) => IsNumber(ref reader) && reader.TryGetDecimal(out var v) ? v : throw NotConvertible(ref reader, "Decimal");

    /// <summary>An ISO 8601 date and time.</summary>
    public static DateTime ReadDateTime(ref LambdaJsonReader reader) =>
        IsString(ref reader) && reader.TryGetDateTime(out var v) ? v : throw NotConvertible(ref reader, "DateTime");

    /// <summary>An ISO 8601 date and time with its offset.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref LambdaJsonReader reader) =>
        IsString(ref reader) && reader.TryGetDateTimeOffset(out var v) ? v : throw NotConvertible(ref reader, "DateTimeOffset");

    /// <summary>A GUID in its 32 digits with hyphens.</summary>
    public static Guid ReadGuid(ref LambdaJsonReader reader) =>
        IsString(ref reader) && reader.TryGetGuid(out var v) ? v : throw NotConvertible(ref reader, "Guid");

    /// <summary>A date, <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly ReadDateOnly(ref LambdaJsonReader reader) =>
        IsString(ref reader) && DateOnly.TryParseExact(GetString(ref reader), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v)
            ? v : throw NotConvertible(ref reader, "DateOnly");

    /// <summary>A time of day, <c>HH:mm:ss[.fffffff]</c>.</summary>
    public static TimeOnly ReadTimeOnly(ref LambdaJsonReader reader) =>
        IsString(ref reader) && TryParseTimeSpan(GetString(ref reader), out var t) && t.Ticks >= 0 && t.Ticks < TimeSpan.TicksPerDay
            ? new TimeOnly(t.Ticks) : throw NotConvertible(ref reader, "TimeOnly");

    /// <summary>A time span, <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static TimeSpan ReadTimeSpan(ref LambdaJsonReader reader) =>
        IsString(ref reader) && TryParseTimeSpan(GetString(ref reader), out var v)
            ? v : throw NotConvertible(ref reader, "TimeSpan");

    // The constant format, without the white space around it that TimeSpan's own parser would allow.
    private static bool TryParseTimeSpan(string text, out TimeSpan value)
    {
        value = default;
        return text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
            && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An absolute or relative URI, or null.</summary>
    public static Uri? ReadUri(ref LambdaJsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        return IsString(ref reader) && Uri.TryCreate(GetString(ref reader), UriKind.RelativeOrAbsolute, out var v) ? v : throw NotConvertible(ref reader, "Uri");
    }

    /// <summary>Base64 bytes, or null.</summary>
    public static byte[]? ReadBytes(ref LambdaJsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        return IsString(ref reader) && reader.TryGetBytesFromBase64(out var v) ? v : throw NotConvertible(ref reader, "Byte[]");
    }

    /// <summary>Any JSON value, kept as it is (a JSON null is an element of kind Null).</summary>
    public static JsonElement ReadElement(ref LambdaJsonReader reader)
    {
        var value = Whole(ref reader);
        return JsonElement.ParseValue(ref value);
    }

    /// <summary>Any JSON value as a node, or null.</summary>
    public static JsonNode? ReadNode(ref LambdaJsonReader reader)
    {
        var value = Whole(ref reader);
        return JsonNode.Parse(ref value);
    }

    // The current value, read to its end, under System.Text.Json's reader (on its first token) for the types only it reads.
    private static Utf8JsonReader Whole(ref LambdaJsonReader reader)
    {
        long start = reader.TokenStartIndex;
        reader.Skip();
        var value = new Utf8JsonReader(reader.TextFrom(start));
        value.Read();
        return value;
    }

    /// <summary>
    /// Reads an enum's text as System.Text.Json's string enum converter does, once no name matched it whole: an
    /// integer, or names (any case) separated by commas, combined.
    /// </summary>
    /// <param name="text">The JSON string.</param>
    /// <param name="names">The enum's JSON names.</param>
    /// <param name="values">Their values, as the bits of the underlying integer.</param>
    /// <param name="signed">Whether the underlying integer is signed.</param>
    /// <param name="bits">How many bits the underlying integer has.</param>
    /// <param name="value">The value read, as the bits of the underlying integer.</param>
    /// <returns>Whether the text is such a value.</returns>
    public static bool TryParseEnum(string text, string[] names, ulong[] values, bool signed, int bits, out ulong value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        value = 0;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 0)
            return false;
        if (char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '-' or '+')
        {
            if (signed)
            {
                long min = bits == 64 ? long.MinValue : -(1L << (bits - 1)), max = bits == 64 ? long.MaxValue : (1L << (bits - 1)) - 1;
                bool ok = long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) && number >= min && number <= max;
                value = unchecked((ulong)number);
                return ok;
            }
            ulong limit = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            return ulong.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value <= limit;
        }
        bool any = false;
        foreach (var range in trimmed.Split(','))
        {
            var part = trimmed[range].Trim();
            // One comma may end the list; an empty name anywhere else is an error, as System.Text.Json has it.
            if (part.Length == 0)
            {
                if (!any || range.End.GetOffset(trimmed.Length) != trimmed.Length)
                    return false;
                continue;
            }
            int found = -1;
            for (int i = 0; i < names.Length && found < 0; i++)
            {
                if (part.Equals(names[i], StringComparison.OrdinalIgnoreCase))
                    found = i;
            }
            if (found < 0)
                return false;
            value |= values[found];
            any = true;
        }
        return any;
    }

    /// <summary>Writes one character as a string.</summary>
    public static void WriteChar(LambdaJsonWriter writer, char value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue([value]);
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDateOnly(LambdaJsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Writes a time of day as <c>HH:mm:ss.fffffff</c>.</summary>
    public static void WriteTimeOnly(LambdaJsonWriter writer, TimeOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out int written, "O", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Writes a time span as <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static void WriteTimeSpan(LambdaJsonWriter writer, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out int written, "c", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Writes a URI as the text it was made from, or null.</summary>
    public static void WriteUri(LambdaJsonWriter writer, Uri? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value.OriginalString);
    }

    /// <summary>Writes a node as it is, or null.</summary>
    public static void WriteNode(LambdaJsonWriter writer, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        var json = new ArrayBufferWriter<byte>();
        using (var stj = new Utf8JsonWriter(json, new JsonWriterOptions { MaxDepth = Math.Max(1, LambdaJsonSerializer.MaxDepth - writer.CurrentDepth) }))
            value.WriteTo(stj);
        writer.WriteRawValue(json.WrittenSpan);
    }

    /// <summary>Writes an element as it is.</summary>
    public static void WriteElement(LambdaJsonWriter writer, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // System.Text.Json's own writer, on this one value, so that only functions with elements carry it.
        var json = new ArrayBufferWriter<byte>();
        using (var stj = new Utf8JsonWriter(json, new JsonWriterOptions { MaxDepth = Math.Max(1, LambdaJsonSerializer.MaxDepth - writer.CurrentDepth) }))
            value.WriteTo(stj);
        writer.WriteRawValue(json.WrittenSpan);
    }

    /// <summary>
    /// Checks the current property name before it is compared: an escaped name that is not valid UTF-16 is an error,
    /// as System.Text.Json makes it, even for a member that is then skipped.
    /// </summary>
    public static void CheckName(ref LambdaJsonReader reader)
    {
        if (reader.ValueIsEscaped)
            GetString(ref reader);
    }

    /// <summary>Moves to the next token; the generated code reads only complete JSON, so there always is one.</summary>
    public static void Next(ref LambdaJsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("The JSON text ends inside a value.");
    }

    /// <summary>The error for a token that <paramref name="typeName"/> cannot be read from.</summary>
    public static JsonException NotConvertible(ref LambdaJsonReader reader, string typeName) =>
        new($"The JSON value at byte {reader.TokenStartIndex} could not be converted to {typeName}.");

    /// <summary>The error for a required member the JSON object lacks.</summary>
    public static JsonException MissingRequired(string typeName, string jsonName) =>
        new($"The JSON object for {typeName} lacks its required member '{jsonName}'.");

    private static bool IsNumber(ref LambdaJsonReader reader) => reader.TokenType == JsonTokenType.Number;

    private static bool IsString(ref LambdaJsonReader reader) => reader.TokenType == JsonTokenType.String;
}
