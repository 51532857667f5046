using System.Text;
using System.Text.Json;
using CsCheck;
using LambdaBootstrap.Runtime.Json;

namespace RuntimeTests.Json;

/// <summary>
/// The runtime's reader against System.Text.Json's <see cref="Utf8JsonReader"/> (default options) token by token: on
/// random JSON texts, on random mutations of them, and when skipping values, both give the same tokens, positions,
/// strings and numbers, and fail at the same token.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public class LambdaJsonReaderTests
{
    [Fact]
    public void RandomTexts_ReadAsUtf8JsonReaderReadsThem() =>
        s_text.Sample(json => AssertSameTrace(json, skip: false), iter: 400, threads: 1, print: Show);

    [Fact]
    public void MutatedTexts_ReadAsUtf8JsonReaderReadsThem() =>
        Gen.Select(s_text, Gen.Int[0, int.MaxValue], Gen.Int[0, s_bytes.Length - 1], Gen.Int[0, 3])
            .Select((json, at, b, how) => Mutated(json, at, b, how))
            .Sample(json => AssertSameTrace(json, skip: false), iter: 1500, threads: 1, print: Show);

    [Fact]
    public void SkippedValues_EndWhereUtf8JsonReaderEndsThem() =>
        Gen.Select(s_text, Gen.Int[0, int.MaxValue], Gen.Int[0, s_bytes.Length - 1], Gen.Int[0, 4])
            .Select((json, at, b, how) => how == 4 ? json : Mutated(json, at, b, how))
            .Sample(json => AssertSameTrace(json, skip: true), iter: 600, threads: 1, print: Show);

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Nesting_IsAllowedTo64(int depth, bool valid)
    {
        byte[] json = Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth));
        Assert.Equal(valid ? "ok" : "error", Outcome(json));
        AssertSameTrace(json, skip: false);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("/* comment */ 1")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData("\"a\u0001\"")]
    [InlineData("\"\\x\"")]
    [InlineData("{} {}")]
    [InlineData("\uFEFF{}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[truefalse]")]
    public void InvalidTexts_AreErrors(string text)
    {
        Assert.Equal("error", Outcome(Encoding.UTF8.GetBytes(text)));
        AssertSameTrace(Encoding.UTF8.GetBytes(text), skip: false);
    }

    [Theory]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"\\uDC00\"")]
    [InlineData("\"\\uD800\\u0041\"")]
    [InlineData("\"\\uD83D\\uDE00 \\u00e9\\n\\/\"")]
    public void EscapedSurrogates_AreCheckedWhenReadAsText(string text)
    {
        AssertSameTrace(Encoding.UTF8.GetBytes(text), skip: false);
    }

    [Fact]
    public void InvalidUtf8_IsAnErrorOnlyWhenReadAsText()
    {
        byte[] json = [(byte)'[', (byte)'"', 0xC3, (byte)'"', (byte)']'];
        var reader = new LambdaJsonReader(json);
        reader.Read();
        reader.Read();
        Assert.Equal(JsonTokenType.String, reader.TokenType);
        bool threw = false;
        try { reader.GetString(); } catch (JsonException) { threw = true; }
        Assert.True(threw);
        reader.Read();
        Assert.False(reader.Read());
        AssertSameTrace(json, skip: false);
    }

    private static readonly byte[] s_bytes = "{}[]\",:0123456789-+.eE/\\ntfu \t\r\nx\u0001\u007f"u8.ToArray();

    private static byte[] Mutated(byte[] json, int at, int b, int how)
    {
        if (json.Length == 0)
            return json;
        int i = at % json.Length;
        return how switch
        {
            0 => [.. json.AsSpan(0, i), s_bytes[b], .. json.AsSpan(i + 1)],
            1 => [.. json.AsSpan(0, i), .. json.AsSpan(i + 1)],
            2 => [.. json.AsSpan(0, i), s_bytes[b], .. json.AsSpan(i)],
            _ => json[..i],
        };
    }

    private static readonly Gen<string> s_white = Gen.OneOf("", "", "", " ", "\n", "\t", "\r\n ");

    private static readonly Gen<string> s_number = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Long.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.ULong.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.OneOf("0", "-0", "1e400", "-1E-400", "1.5e+3", "79228162514264337593543950336", "0.000000000000000000000000000001", "255", "256", "-129", "65535"));

    private static readonly Gen<string> s_stringBody = Gen.OneOf(
        Gen.String[Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['\u00a0', '\u07ff'], Gen.Const('€')), 0, 8],
        Gen.OneOf("\\n", "\\\"", "\\\\", "\\/", "\\b\\f\\r\\t", "\\u00e9", "\\uD83D\\uDE00", "\\uD800", "\\uDC00x", "😀", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "AQID", "2024-02-29T12:00:00Z"));

    private static readonly Gen<string> s_string = Gen.Select(s_stringBody, s_stringBody, (a, b) => "\"" + a + b + "\"");

    private static readonly Gen<string> s_value = Gen.Recursive<string>((depth, value) => depth >= 4
        ? Gen.OneOf(s_number, s_string, Gen.OneOf("true", "false", "null"))
        : Gen.Frequency(
            (4, Gen.OneOf(s_number, s_string, Gen.OneOf("true", "false", "null"))),
            (1, Gen.Select(value, s_white).Array[0, 4].Select(items => "[" + string.Join(",", items.Select(x => x.Item2 + x.Item1)) + "]")),
            (1, Gen.Select(s_string, value, s_white).Array[0, 4].Select(members => "{" + string.Join(",", members.Select(m => m.Item1 + m.Item3 + ":" + m.Item2)) + "}"))));

    private static readonly Gen<byte[]> s_text = Gen.Select(s_white, s_value, s_white, (a, v, b) => Encoding.UTF8.GetBytes(a + v + b));

    private static string Show(byte[] json) => Encoding.UTF8.GetString(json);

    private static string Show(DateTime t) => $"{t.Ticks}{t.Kind}";

    private static string Show(DateTimeOffset t) => $"{t.Ticks}{t.Offset.Ticks}";

    [Fact]
    public void Dates_ReadAsUtf8JsonReaderReadsThem() =>
        Gen.Select(s_date, Gen.Int[0, int.MaxValue], Gen.Int[0, s_dateBytes.Length - 1], Gen.Int[0, 4])
            .Select((date, at, b, how) => Encoding.UTF8.GetBytes("\"" + (how == 4 ? date : Mutated(date, at, s_dateBytes[b], how)) + "\""))
            .Sample(json => AssertSameTrace(json, skip: false), iter: 3000, threads: 1, print: Show);

    private static readonly string s_dateBytes = "0123456789-:T tZz+.";

    private static string Mutated(string text, int at, char c, int how)
    {
        if (text.Length == 0)
            return text;
        int i = at % text.Length;
        return how switch
        {
            0 => text[..i] + c + text[(i + 1)..],
            1 => text[..i] + text[(i + 1)..],
            2 => text[..i] + c + text[i..],
            _ => text[..i],
        };
    }

    private static Gen<string> Two(int min, int max) => Gen.Int[min, max].Select(i => i.ToString("00"));

    private static readonly Gen<string> s_date = Gen.Select(
        Gen.OneOf(Gen.Int[1, 9999].Select(y => y.ToString("0000")), Gen.OneOf("0000", "2024", "2023", "1900", "2000", "9999", "0001")),
        Two(0, 13), Two(0, 32),
        Gen.OneOf(Gen.Const(""), Gen.Select(Gen.OneOf("T", "t", " "), Two(0, 25), Two(0, 60), (sep, h, m) => sep + h + ":" + m)),
        Gen.OneOf(Gen.Const(""), Two(0, 61).Select(sec => ":" + sec)),
        Gen.OneOf(Gen.Const(""), Gen.Int[1, 18].Select(n => "." + new string('9', n)), Gen.String[Gen.Char['0', '9'], 1, 18].Select(f => "." + f)),
        Gen.OneOf(Gen.Const(""), Gen.OneOf("Z", "z", "+00:00", "-00:00", "+14:00", "-14:00", "+14:01", "+05:30", "-0800", "+01", "+1", "+15:00", "+05:60")),
        (y, mo, d, time, sec, frac, zone) => time.Length == 0 ? y + "-" + mo + "-" + d + (sec.Length > 0 ? zone : "") : y + "-" + mo + "-" + d + time + sec + (sec.Length > 0 ? frac : "") + zone);

    private static string Outcome(byte[] json)
    {
        try
        {
            var reader = new LambdaJsonReader(json);
            while (reader.Read())
            {
            }
            return "ok";
        }
        catch (JsonException)
        {
            return "error";
        }
    }

    private static void AssertSameTrace(byte[] json, bool skip)
    {
        var expected = new List<string>();
        var actual = new List<string>();
        TraceUtf8JsonReader(json, skip, expected);
        TraceLambdaJsonReader(json, skip, actual);
        Assert.True(expected.SequenceEqual(actual), $"{Show(json)}\nUtf8JsonReader:   {string.Join(" ", expected)}\nLambdaJsonReader: {string.Join(" ", actual)}");
    }

    private static void TraceUtf8JsonReader(byte[] json, bool skip, List<string> trace)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
                if (skip && reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName)
                    reader.Skip();
                string text = "";
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    try { text = reader.GetString()!; } catch (InvalidOperationException) { text = "(not text)"; }
                }
                string number = "";
                if (reader.TokenType == JsonTokenType.Number)
                {
                    number = $"{(reader.TryGetByte(out var u8) ? u8 : "-")}|{(reader.TryGetInt32(out var i32) ? i32 : "-")}|{(reader.TryGetUInt64(out var u64) ? u64 : "-")}|{(reader.TryGetInt64(out var i64) ? i64 : "-")}|{(reader.TryGetDouble(out var d) ? d.ToString("R") : "-")}|{(reader.TryGetSingle(out var f) ? f.ToString("R") : "-")}|{(reader.TryGetDecimal(out var m) ? m : "-")}";
                }
                string guid = "";
                if (reader.TokenType == JsonTokenType.String)
                {
                    try { guid = $"{(reader.TryGetGuid(out var g) ? g : "-")}|{(reader.TryGetBytesFromBase64(out var b) ? Convert.ToHexString(b) : "-")}|{(reader.TryGetDateTime(out var t) ? Show(t) : "-")}|{(reader.TryGetDateTimeOffset(out var o) ? Show(o) : "-")}"; } catch (InvalidOperationException) { guid = "(not text)"; }
                }
                trace.Add($"{reader.TokenType}@{reader.TokenStartIndex}d{reader.CurrentDepth}e{reader.ValueIsEscaped}:{Convert.ToHexString(reader.ValueSpan)}:{text}:{number}:{guid}");
            }
            trace.Add($"end@{reader.BytesConsumed}");
        }
        catch (JsonException)
        {
            trace.Add("error");
        }
    }

    private static void TraceLambdaJsonReader(byte[] json, bool skip, List<string> trace)
    {
        var reader = new LambdaJsonReader(json);
        try
        {
            while (reader.Read())
            {
                if (skip && reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName)
                    reader.Skip();
                string text = "";
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    try { text = reader.GetString(); } catch (JsonException) { text = "(not text)"; }
                }
                string number = "";
                if (reader.TokenType == JsonTokenType.Number)
                {
                    number = $"{(reader.TryGetByte(out var u8) ? u8 : "-")}|{(reader.TryGetInt32(out var i32) ? i32 : "-")}|{(reader.TryGetUInt64(out var u64) ? u64 : "-")}|{(reader.TryGetInt64(out var i64) ? i64 : "-")}|{(reader.TryGetDouble(out var d) ? d.ToString("R") : "-")}|{(reader.TryGetSingle(out var f) ? f.ToString("R") : "-")}|{(reader.TryGetDecimal(out var m) ? m : "-")}";
                }
                string guid = "";
                if (reader.TokenType == JsonTokenType.String)
                {
                    try { guid = $"{(reader.TryGetGuid(out var g) ? g : "-")}|{(reader.TryGetBytesFromBase64(out var b) ? Convert.ToHexString(b!) : "-")}|{(reader.TryGetDateTime(out var t) ? Show(t) : "-")}|{(reader.TryGetDateTimeOffset(out var o) ? Show(o) : "-")}"; } catch (JsonException) { guid = "(not text)"; }
                }
                trace.Add($"{reader.TokenType}@{reader.TokenStartIndex}d{reader.CurrentDepth}e{reader.ValueIsEscaped}:{Convert.ToHexString(reader.ValueSpan)}:{text}:{number}:{guid}");
            }
            trace.Add($"end@{reader.BytesConsumed}");
        }
        catch (JsonException)
        {
            trace.Add("error");
        }
    }
}
