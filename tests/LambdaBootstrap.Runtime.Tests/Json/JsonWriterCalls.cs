using System.Text;
using CsCheck;

namespace RuntimeTests.Json;

/// <summary>
/// Random sequences of writer calls: whole documents (so most sequences get far), the same with a few calls
/// dropped, repeated or inserted (so the misuse checks run), and chains nested around the depth limit of 64.
/// Their strings cover the whole UTF-16 range with lone surrogates, control and HTML-sensitive characters and astral
/// characters, and UTF-8 that is not valid; their numbers every type's extremes, subnormals, negative zero, NaN and
/// infinities.
/// </summary>
public static class JsonWriterCalls
{
    private static readonly Gen<string> s_piece = Gen.OneOf(
        Gen.String[Gen.Char[' ', '~'], 0, 40],
        Gen.String[Gen.Char["\"\\/&'+<>`\b\f\n\r\t\u007F\u0000\u001F\u0080\u00FF\u0100\u2028\uFFFD\uFEFF\uFFFF"], 1, 4],
        Gen.String[Gen.Char, 1, 4],
        Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString()),
        Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32));

    private static readonly Gen<string> s_text = s_piece.Array[0, 5].Select(string.Concat);

    private static readonly Gen<byte[]> s_utf8 = Gen.OneOf(
        s_text.Select(Encoding.UTF8.GetBytes),
        Gen.Byte.Array[0, 24],
        Gen.Select(s_text, Gen.Byte.Array[1, 3], s_text, (a, bad, b) => (byte[])[.. Encoding.UTF8.GetBytes(a), .. bad, .. Encoding.UTF8.GetBytes(b)]));

    private static readonly Gen<double> s_double = Gen.OneOf(
        Gen.Double,
        Gen.Long.Select(BitConverter.Int64BitsToDouble),
        Gen.Long[0, 0x000F_FFFF_FFFF_FFFF].Select(BitConverter.Int64BitsToDouble),
        Gen.Int[-1_000_000, 1_000_000].Select(i => i / 1000.0),
        Gen.OneOf(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon,
            double.MaxValue, double.MinValue, 1e21, 1e-7, 1e15, 1e16));

    private static readonly Gen<float> s_float = Gen.OneOf(
        Gen.Float,
        Gen.Int.Select(BitConverter.Int32BitsToSingle),
        Gen.Int[0, 0x007F_FFFF].Select(BitConverter.Int32BitsToSingle),
        Gen.OneOf(0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon,
            float.MaxValue, float.MinValue, 16777216f, 0.1f));

    private static readonly Gen<decimal> s_decimal = Gen.OneOf(
        Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Byte[0, 28], (lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, scale)),
        Gen.Select(Gen.Int, Gen.Bool, Gen.Byte[0, 28], (lo, negative, scale) => new decimal(lo, 0, 0, negative, scale)),
        Gen.OneOf(decimal.MaxValue, decimal.MinValue, 0m, new decimal(0, 0, 0, true, 3), 1.00m));

    private static readonly Gen<long> s_ticks = Gen.OneOf(
        Gen.Long[0, DateTime.MaxValue.Ticks],
        // Whole seconds plus a fraction with trailing zeros, so trimming is exercised.
        Gen.Select(Gen.Long[0, DateTime.MaxValue.Ticks / 10_000_000 - 1], Gen.Int[0, 9_999_999], Gen.Int[0, 7],
            (seconds, fraction, zeros) => seconds * 10_000_000 + fraction / (int)Math.Pow(10, zeros) * (int)Math.Pow(10, zeros)));

    private static readonly Gen<DateTime> s_dateTime = Gen.Select(s_ticks, Gen.OneOf(DateTimeKind.Utc, DateTimeKind.Unspecified, DateTimeKind.Local),
        (ticks, kind) => new DateTime(ticks, kind));

    private static readonly Gen<DateTimeOffset> s_dateTimeOffset = Gen.Select(s_ticks, Gen.Int[-14 * 60, 14 * 60], (ticks, minutes) =>
    {
        var offset = TimeSpan.FromMinutes(minutes);
        long utc = ticks - offset.Ticks;
        return utc < 0 || utc > DateTime.MaxValue.Ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : new DateTimeOffset(ticks, offset);
    });

    private static readonly string[] s_raw = ["1", "{\"a\":[true,null]}", " \"x\" ", "[]", "-0.5e3"];

    private static readonly Gen<JsonWriterCall> s_scalar = Gen.OneOf(
        s_text.Select(v => Call($"string {Show(v)}", w => w.WriteStringValue(v), w => w.WriteStringValue(v))),
        s_text.Select(v => Call($"chars {Show(v)}", w => w.WriteStringValue(v.AsSpan()), w => w.WriteStringValue(v.AsSpan()))),
        s_utf8.Select(v => Call($"utf8 {Convert.ToHexString(v)}", w => w.WriteStringValue(v), w => w.WriteStringValue(v))),
        Gen.Const(Call("string null", w => w.WriteStringValue((string?)null), w => w.WriteStringValue((string?)null))),
        Gen.Int.Select(v => Call($"int {v}", w => w.WriteNumberValue(v), w => w.WriteNumberValue(v))),
        Gen.UInt.Select(v => Call($"uint {v}", w => w.WriteNumberValue(v), w => w.WriteNumberValue(v))),
        Gen.OneOf(Gen.Long, Gen.OneOf(long.MinValue, long.MaxValue)).Select(v => Call($"long {v}", w => w.WriteNumberValue(v), w => w.WriteNumberValue(v))),
        Gen.OneOf(Gen.ULong, Gen.OneOf(ulong.MaxValue)).Select(v => Call($"ulong {v}", w => w.WriteNumberValue(v), w => w.WriteNumberValue(v))),
        s_double.Select(v => Call($"double {v:R}", w => w.WriteNumberValue(v), w => w.WriteNumberValue(v))),
        s_float.Select(v => Call($"float {v:R}", w => w.WriteNumberValue(v), w => w.WriteNumberValue(v))),
        s_decimal.Select(v => Call($"decimal {v}", w => w.WriteNumberValue(v), w => w.WriteNumberValue(v))),
        Gen.Bool.Select(v => Call($"bool {v}", w => w.WriteBooleanValue(v), w => w.WriteBooleanValue(v))),
        Gen.Const(Call("null", w => w.WriteNullValue(), w => w.WriteNullValue())),
        Gen.Guid.Select(v => Call($"guid {v}", w => w.WriteStringValue(v), w => w.WriteStringValue(v))),
        s_dateTime.Select(v => Call($"datetime {v.Ticks} {v.Kind}", w => w.WriteStringValue(v), w => w.WriteStringValue(v))),
        s_dateTimeOffset.Select(v => Call($"datetimeoffset {v.Ticks} {v.Offset}", w => w.WriteStringValue(v), w => w.WriteStringValue(v))),
        Gen.Byte.Array[0, 40].Select(v => Call($"base64 {Convert.ToHexString(v)}", w => w.WriteBase64StringValue(v), w => w.WriteBase64StringValue(v))),
        Gen.Int[0, s_raw.Length - 1].Select(i => Encoding.UTF8.GetBytes(s_raw[i])).Select(v => Call($"raw {Encoding.UTF8.GetString(v)}", w => w.WriteRawValue(v), w => w.WriteRawValue(v))));

    private static readonly Gen<JsonWriterCall> s_name = Gen.OneOf(
        s_text.Select(v => Call($"name {Show(v)}", w => w.WritePropertyName(v), w => w.WritePropertyName(v))),
        s_utf8.Select(v => Call($"name utf8 {Convert.ToHexString(v)}", w => w.WritePropertyName(v), w => w.WritePropertyName(v))));

    private static readonly JsonWriterCall s_startObject = Call("{", w => w.WriteStartObject(), w => w.WriteStartObject());
    private static readonly JsonWriterCall s_endObject = Call("}", w => w.WriteEndObject(), w => w.WriteEndObject());
    private static readonly JsonWriterCall s_startArray = Call("[", w => w.WriteStartArray(), w => w.WriteStartArray());
    private static readonly JsonWriterCall s_endArray = Call("]", w => w.WriteEndArray(), w => w.WriteEndArray());

    private static readonly Gen<JsonWriterCall> s_any = Gen.OneOf(s_scalar, s_name,
        Gen.OneOf(s_startObject, s_endObject, s_startArray, s_endArray));

    /// <summary>The calls that write one well-formed document.</summary>
    public static readonly Gen<JsonWriterCall[]> Document = Value(0);

    /// <summary>A document with one to three calls dropped, repeated, or inserted at random.</summary>
    public static readonly Gen<JsonWriterCall[]> Broken =
        Gen.Select(Document, Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], s_any).Array[1, 3], (calls, edits) =>
        {
            var list = calls.ToList();
            foreach (var (kind, at, call) in edits)
            {
                int i = at % (list.Count + 1);
                if (kind == 0 && i < list.Count)
                    list.RemoveAt(i);
                else if (kind == 1 && i < list.Count)
                    list.Insert(i, list[i]);
                else
                    list.Insert(i, call);
            }
            return list.ToArray();
        });

    /// <summary>A chain of 60 to 70 nested objects and arrays, around a value, closed again.</summary>
    public static readonly Gen<JsonWriterCall[]> Deep =
        Gen.Select(Gen.Bool.Array[60, 70], s_name, s_scalar, (objects, name, value) =>
        {
            var calls = new List<JsonWriterCall>();
            foreach (bool isObject in objects)
            {
                calls.Add(isObject ? s_startObject : s_startArray);
                if (isObject)
                    calls.Add(name);
            }
            calls.Add(value);
            for (int i = objects.Length - 1; i >= 0; i--)
                calls.Add(objects[i] ? s_endObject : s_endArray);
            return calls.ToArray();
        });

    private static Gen<JsonWriterCall[]> Value(int depth) =>
        Gen.Int[0, depth >= 4 ? 5 : 9].SelectMany(kind => kind switch
        {
            < 6 => s_scalar.Select(call => new[] { call }),
            < 8 => Value(depth + 1).Array[0, 4].Select(items =>
                (JsonWriterCall[])[s_startArray, .. items.SelectMany(i => i), s_endArray]),
            _ => Gen.Select(s_name, Value(depth + 1)).Array[0, 4].Select(members =>
                (JsonWriterCall[])[s_startObject, .. members.SelectMany(m => m.Item2.Prepend(m.Item1)), s_endObject]),
        });

    private static JsonWriterCall Call(string name, Action<System.Text.Json.Utf8JsonWriter> theirs, Action<LambdaBootstrap.Runtime.Json.LambdaJsonWriter> ours) =>
        new(name, theirs, ours);

    private static string Show(string text)
    {
        var shown = new StringBuilder("\"");
        foreach (char c in text)
            shown.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        return shown.Append('"').ToString();
    }
}
