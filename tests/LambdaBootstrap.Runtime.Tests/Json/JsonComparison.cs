using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace RuntimeTests.Json;

/// <summary>
/// One [LambdaJson] type side by side with System.Text.Json (reflection, the same naming policy and options), and the
/// value as System.Text.Json writes it as the measure of equal values.
/// </summary>
internal static class JsonComparison
{
    private static readonly Dictionary<Type, JsonSerializerOptions> s_options = new()
    {
        [typeof(Scalars)] = With(JsonNamingPolicy.CamelCase),
        [typeof(Times)] = With(JsonNamingPolicy.SnakeCaseLower),
        [typeof(Collections)] = With(JsonNamingPolicy.CamelCase),
        [typeof(Point)] = With(JsonNamingPolicy.CamelCase),
        [typeof(Everything)] = With(JsonNamingPolicy.CamelCase),
        [typeof(Link)] = With(JsonNamingPolicy.KebabCaseUpper),
        [typeof(Lenient)] = new JsonSerializerOptions { PropertyNameCaseInsensitive = true },
        [typeof(Shouting)] = With(JsonNamingPolicy.SnakeCaseUpper),
        [typeof(Quiet)] = With(JsonNamingPolicy.KebabCaseLower),
    };

    private static JsonSerializerOptions With(JsonNamingPolicy policy) => new() { PropertyNamingPolicy = policy };

    public static JsonSerializerOptions OptionsFor<T>() => s_options[typeof(T)];

    // The measure of equality must write every value a reader can give: infinity (from numbers beyond a float's range)
    // and the empty JsonElement of a member the JSON lacks.
    private static readonly Dictionary<Type, JsonSerializerOptions> s_canonical = s_options.ToDictionary(
        pair => pair.Key, pair => new JsonSerializerOptions(pair.Value)
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new AbsentElementConverter() },
        });

    private sealed class AbsentElementConverter : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("only written");

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
        {
            if (value.ValueKind == JsonValueKind.Undefined)
                writer.WriteStringValue("(absent)");
            else
                value.WriteTo(writer);
        }
    }

    /// <summary>System.Text.Json's text of <paramref name="value"/>: two values are equal when theirs are.</summary>
    public static string Canonical<T>(T? value) => JsonSerializer.Serialize(value, s_canonical[typeof(T)]);

    public static byte[] WriteGenerated<T>(T? value) where T : ILambdaJson<T>
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        LambdaJsonSerializer.Serialize(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>What reading <paramref name="json"/> gives: the canonical text of the value, or "error".</summary>
    public static string ReadGenerated<T>(byte[] json) where T : ILambdaJson<T>
    {
        try
        {
            return Canonical(LambdaJsonSerializer.Deserialize<T>(json));
        }
        catch (JsonException)
        {
            return "error";
        }
    }

    public static string ReadStj<T>(byte[] json)
    {
        try
        {
            return Canonical(JsonSerializer.Deserialize<T>(json, OptionsFor<T>()));
        }
        catch (JsonException)
        {
            return "error";
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
