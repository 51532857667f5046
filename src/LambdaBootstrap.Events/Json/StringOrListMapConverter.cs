using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// A map whose values are lists of strings (VPC Lattice 2.0 headers and query parameters). Each value is read as a
/// string or a list, since a sender may use either; it is always written as a list, the form AWS documents.
/// </summary>
internal sealed class StringOrListMapConverter : JsonConverter<Dictionary<string, List<string>>>
{
    public override Dictionary<string, List<string>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"expected an object, found {reader.TokenType}");
        var map = new Dictionary<string, List<string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            // A name without a value carries nothing to keep.
            if (reader.TokenType != JsonTokenType.Null)
                map[name] = ReadValues(ref reader);
        }
        return map;
    }

    private static List<string> ReadValues(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
            return [reader.GetString()!];
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"expected a string or an array of strings, found {reader.TokenType}");
        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            values.Add(reader.GetString() ?? throw new JsonException("expected a string, found null"));
        return values;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, List<string>> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, values) in value)
        {
            writer.WriteStartArray(name);
            foreach (string item in values)
                writer.WriteStringValue(item);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
