using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using LambdaBootstrap.Runtime.Json;

namespace RuntimeTests.Json;

/// <summary>
/// <see cref="LambdaJsonWriter"/> against System.Text.Json's <see cref="Utf8JsonWriter"/> (default options, maximum
/// depth 64): the same random calls into both must give the same bytes, or the same exception type at the same call.
/// The examples spell out the rules the comparison found.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public class LambdaJsonWriterTests
{
    private static readonly JsonWriterOptions s_options = new() { MaxDepth = 64 };

    [Fact]
    public void RandomDocuments_WriteWhatUtf8JsonWriterWrites() =>
        JsonWriterCalls.Document.Sample(Compare, iter: 1500, print: Show);

    [Fact]
    public void RandomlyBrokenDocuments_FailWhereUtf8JsonWriterFails() =>
        JsonWriterCalls.Broken.Sample(Compare, iter: 1500, print: Show);

    [Fact]
    public void DeepDocuments_FailPastDepth64AsUtf8JsonWriterDoes() =>
        JsonWriterCalls.Deep.Sample(Compare, iter: 300, print: Show);

    [Fact]
    public void Escapes_PrintableAsciiExceptHtmlSensitive_ShortFormsForFive_UpperHexForTheRest() =>
        Assert.Equal("\"a\\u0022b\\\\c/\\b\\t\\n\\f\\r\\u0000\\u001F\\u007F\\u003C\\u003E\\u0026\\u0027\\u002B\\u0060\"",
            Write(w => w.WriteStringValue("a\"b\\c/\b\t\n\f\r\0\u001F\u007F<>&'+`")));

    [Fact]
    public void Escapes_AllNonAscii_AstralAsTwoSurrogates() =>
        Assert.Equal("\"\\u00E9\\u20AC\\u2028\\uD83D\\uDE00\"", Write(w => w.WriteStringValue("é€\u2028😀")));

    [Fact]
    public void InvalidUtf16_BecomesReplacementCharacter() =>
        Assert.Equal("\"a\\uFFFDb\\uFFFD\\uD83D\\uDE00\\uFFFD\"", Write(w => w.WriteStringValue("a\uD800b\uD83D\uD83D\uDE00\uDE00")));

    [Fact]
    public void InvalidUtf8_BecomesOneReplacementCharacterPerMaximalInvalidSequence() =>
        // C0 80 is an overlong encoding (two), ED A0 80 a surrogate (three), E2 82 a truncated sequence (one).
        Assert.Equal("\"\\uFFFD\\uFFFDx\\uFFFD\\uFFFD\\uFFFDx\\uFFFDx\\u00E9\"",
            Write(w => w.WriteStringValue([0xC0, 0x80, (byte)'x', 0xED, 0xA0, 0x80, (byte)'x', 0xE2, 0x82, (byte)'x', 0xC3, 0xA9])));

    [Fact]
    public void PropertyNames_AreEscapedAsValues() =>
        Assert.Equal("{\"\\u003Ca\\u00E9\":1,\"\\uFFFD\":2}", Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("<aé");
            w.WriteNumberValue(1);
            w.WritePropertyName([0xFF]);
            w.WriteNumberValue(2);
            w.WriteEndObject();
        }));

    [Fact]
    public void Commas_SeparateValuesAndProperties() =>
        Assert.Equal("{\"a\":1,\"b\":[true,null,{},[]],\"c\":\"x\",\"d\":[1]}", Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("a"); w.WriteNumberValue(1);
            w.WritePropertyName("b"); w.WriteStartArray();
            w.WriteBooleanValue(true); w.WriteStringValue((string?)null);
            w.WriteStartObject(); w.WriteEndObject(); w.WriteStartArray(); w.WriteEndArray();
            w.WriteEndArray();
            w.WritePropertyName("c"u8); w.WriteStringValue("x"u8);
            w.WritePropertyName("d"); w.WriteRawValue("[1]"u8);
            w.WriteEndObject();
        }));

    [Fact]
    public void Numbers_ShortestRoundTrip_DecimalKeepsItsScale() =>
        Assert.Equal("[-0,1E+21,1E-07,0.1,5E-324,3.4028235E+38,1.00,-9223372036854775808,18446744073709551615]", Write(w =>
        {
            w.WriteStartArray();
            w.WriteNumberValue(-0.0);
            w.WriteNumberValue(1e21);
            w.WriteNumberValue(1e-7);
            w.WriteNumberValue(0.1f);
            w.WriteNumberValue(double.Epsilon);
            w.WriteNumberValue(float.MaxValue);
            w.WriteNumberValue(1.00m);
            w.WriteNumberValue(long.MinValue);
            w.WriteNumberValue(ulong.MaxValue);
            w.WriteEndArray();
        }));

    [Fact]
    public void Dates_Iso8601_FractionTrimmed() =>
        Assert.Equal("[\"2020-01-02T03:04:05Z\",\"2020-01-02T03:04:05.12\",\"2020-01-02T03:04:05.5-05:30\",\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"+/+/AQI=\"]", Write(w =>
        {
            w.WriteStartArray();
            w.WriteStringValue(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
            w.WriteStringValue(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).AddTicks(1_200_000));
            w.WriteStringValue(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5.5)).AddTicks(5_000_000));
            w.WriteStringValue(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
            w.WriteBase64StringValue([0xFB, 0xFF, 0xBF, 1, 2]);
            w.WriteEndArray();
        }));

    [Fact]
    public void NonFiniteNumbers_AreArgumentErrors()
    {
        var writer = new LambdaJsonWriter(new ArrayBufferWriter<byte>());
        Assert.Throws<ArgumentException>(() => writer.WriteNumberValue(double.NaN));
        Assert.Throws<ArgumentException>(() => writer.WriteNumberValue(float.NegativeInfinity));
    }

    [Fact]
    public void TextLongerThanUtf8JsonWritersLimit_IsAnArgumentError()
    {
        var tooLong = new byte[166_666_667];
        var writer = new LambdaJsonWriter(new ArrayBufferWriter<byte>());
        Assert.Throws<ArgumentException>(() => writer.WriteStringValue(tooLong));
        writer.WriteStartObject();
        Assert.Throws<ArgumentException>(() => writer.WritePropertyName(tooLong));
    }

    [Fact]
    public void Depth64_IsAllowed_65IsNot()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new LambdaJsonWriter(buffer);
        for (int i = 0; i < 64; i++)
            writer.WriteStartArray();
        Assert.Equal(64, writer.CurrentDepth);
        Assert.Throws<InvalidOperationException>(writer.WriteStartObject);
        for (int i = 0; i < 64; i++)
            writer.WriteEndArray();
        Assert.Equal(0, writer.CurrentDepth);
        Assert.Equal(new string('[', 64) + new string(']', 64), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("value in an object without a name")]
    [InlineData("name in an array")]
    [InlineData("name at the top level")]
    [InlineData("name after a name")]
    [InlineData("end of an object after a name")]
    [InlineData("end of an array inside an object")]
    [InlineData("end with nothing open")]
    [InlineData("second top-level value")]
    public void Misuse_IsAnInvalidOperation(string misuse)
    {
        var writer = new LambdaJsonWriter(new ArrayBufferWriter<byte>());
        Action wrong = misuse switch
        {
            "value in an object without a name" => () => { writer.WriteStartObject(); writer.WriteNumberValue(1); },
            "name in an array" => () => { writer.WriteStartArray(); writer.WritePropertyName("a"); },
            "name at the top level" => () => writer.WritePropertyName("a"u8),
            "name after a name" => () => { writer.WriteStartObject(); writer.WritePropertyName("a"); writer.WritePropertyName("b"); },
            "end of an object after a name" => () => { writer.WriteStartObject(); writer.WritePropertyName("a"); writer.WriteEndObject(); },
            "end of an array inside an object" => () => { writer.WriteStartObject(); writer.WriteEndArray(); },
            "end with nothing open" => writer.WriteEndObject,
            _ => () => { writer.WriteStartObject(); writer.WriteEndObject(); writer.WriteNullValue(); },
        };
        Assert.Throws<InvalidOperationException>(wrong);
    }

    [Fact]
    public void Reset_StartsAFreshDocument()
    {
        var writer = new LambdaJsonWriter(new ArrayBufferWriter<byte>());
        writer.WriteStartObject();
        writer.WritePropertyName("a");
        var second = new ArrayBufferWriter<byte>();
        writer.Reset(second);
        Assert.Equal(0, writer.CurrentDepth);
        writer.WriteStartArray();
        writer.WriteNumberValue(1);
        writer.WriteEndArray();
        Assert.Equal("[1]", Encoding.UTF8.GetString(second.WrittenSpan));
    }

    private static string Write(Action<LambdaJsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new LambdaJsonWriter(buffer));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Compare(JsonWriterCall[] calls)
    {
        var theirBuffer = new ArrayBufferWriter<byte>();
        var ourBuffer = new ArrayBufferWriter<byte>();
        using var theirs = new Utf8JsonWriter(theirBuffer, s_options);
        var ours = new LambdaJsonWriter(ourBuffer);
        for (int i = 0; i < calls.Length; i++)
        {
            Exception? theirError = Catch(() => calls[i].Theirs(theirs));
            Exception? ourError = Catch(() => calls[i].Ours(ours));
            theirs.Flush();
            Assert.True(theirError?.GetType() == ourError?.GetType(),
                $"call {i} ({calls[i]}): Utf8JsonWriter {Describe(theirError)}, LambdaJsonWriter {Describe(ourError)}");
            Assert.Equal(Encoding.UTF8.GetString(theirBuffer.WrittenSpan), Encoding.UTF8.GetString(ourBuffer.WrittenSpan));
            Assert.Equal(theirBuffer.WrittenSpan.ToArray(), ourBuffer.WrittenSpan.ToArray());
            if (theirError is not null)
                return;
            Assert.Equal(theirs.CurrentDepth, ours.CurrentDepth);
        }
    }

    private static Exception? Catch(Action call)
    {
        try
        {
            call();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static string Describe(Exception? e) => e is null ? "succeeded" : $"threw {e.GetType().Name}: {e.Message}";

    private static string Show(JsonWriterCall[] calls) => string.Join("; ", calls.Select(c => c.ToString()));
}
