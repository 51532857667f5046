using System.Buffers;
using System.Text;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// Writes the few JSON shapes the runtime itself produces (error reports, log lines) straight into a buffer.
/// Deliberately tiny: the bytes path of a function never pulls in the JSON serializer.
/// </summary>
internal static class JsonText
{
    public static void Raw(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8) => output.Append(utf8);

    /// <summary>Writes <c>"name":</c>, with a leading comma unless it is the object's first property.</summary>
    public static void Property(IBufferWriter<byte> output, ReadOnlySpan<byte> name, bool first = false)
    {
        if (!first)
            output.Append(","u8);
        output.Append("\""u8);
        output.Append(name);
        output.Append("\":"u8);
    }

    /// <summary>
    /// Writes a JSON string. Escapes quotes, backslashes and control characters; keeps other text as UTF-8,
    /// or escapes it as \uXXXX when <paramref name="asciiOnly"/> (for a JSON value that travels in an HTTP header).
    /// </summary>
    public static void String(IBufferWriter<byte> output, ReadOnlySpan<char> value, bool asciiOnly = false)
    {
        output.Append("\""u8);
        char lastPlain = asciiOnly ? '\u007E' : '\uFFFF';
        while (!value.IsEmpty)
        {
            int special = value.IndexOfAnyExceptInRange(' ', lastPlain);
            int quote = value.IndexOfAny('"', '\\');
            int stop = special < 0 ? quote : quote < 0 ? special : Math.Min(special, quote);
            var plain = stop < 0 ? value : value[..stop];
            if (!plain.IsEmpty)
            {
                var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(plain.Length));
                output.Advance(Encoding.UTF8.GetBytes(plain, span));
            }
            if (stop < 0)
                break;
            Escape(output, value[stop]);
            value = value[(stop + 1)..];
        }
        output.Append("\""u8);
    }

    public static void StringOrNull(IBufferWriter<byte> output, string? value)
    {
        if (value is null)
            output.Append("null"u8);
        else
            String(output, value);
    }

    private static void Escape(IBufferWriter<byte> output, char c)
    {
        switch (c)
        {
            case '"': output.Append("\\\""u8); break;
            case '\\': output.Append("\\\\"u8); break;
            case '\n': output.Append("\\n"u8); break;
            case '\r': output.Append("\\r"u8); break;
            case '\t': output.Append("\\t"u8); break;
            default:
                var span = output.GetSpan(6);
                span[0] = (byte)'\\';
                span[1] = (byte)'u';
                span[2] = (byte)"0123456789abcdef"[c >> 12];
                span[3] = (byte)"0123456789abcdef"[(c >> 8) & 0xF];
                span[4] = (byte)"0123456789abcdef"[(c >> 4) & 0xF];
                span[5] = (byte)"0123456789abcdef"[c & 0xF];
                output.Advance(6);
                break;
        }
    }
}
