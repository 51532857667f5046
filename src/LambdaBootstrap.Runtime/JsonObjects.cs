using System.Text.Json;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Runtime;

/// <summary>Small reading helpers over <see cref="LambdaJsonReader"/> for the JSON headers of an invocation.</summary>
internal static class JsonObjects
{
    /// <summary>Moves onto the opening brace of an object (at the top level, or as the current value).</summary>
    public static void StartObject(ref LambdaJsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
            throw new FormatException("empty JSON");
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new FormatException("expected a JSON object");
    }

    /// <summary>
    /// Moves to the next property's value and returns its name, or false at the object's end.
    /// The caller consumes the value (<see cref="ReadScalar"/>, <see cref="ReadStringMap"/> or Skip) before calling again.
    /// </summary>
    public static bool NextProperty(ref LambdaJsonReader reader, out string name)
    {
        name = "";
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
            return false;
        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    /// <summary>A string value as is; numbers and booleans as their JSON text; null as null; objects and arrays skipped.</summary>
    public static string? ReadScalar(ref LambdaJsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>An object of scalars as a dictionary; null for a JSON null.</summary>
    public static Dictionary<string, string>? ReadStringMap(ref LambdaJsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        StartObject(ref reader);
        var map = new Dictionary<string, string>();
        while (NextProperty(ref reader, out string name))
        {
            if (ReadScalar(ref reader) is { } value)
                map[name] = value;
        }
        return map;
    }
}
