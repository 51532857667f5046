using System.Text.Json;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Runtime.Configuration;

/// <summary>A string member of a JSON answer found by its path, with a reader alone: no serializer in the bootstrap.</summary>
internal static class JsonMember
{
    /// <summary>The string at <paramref name="path"/> (object member names from the root), or null when it is not there or not a string.</summary>
    public static string? String(ReadOnlySpan<byte> json, params ReadOnlySpan<string> path)
    {
        var reader = new LambdaJsonReader(json);
        int matched = 0;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
                return null;
            if (reader.TokenType != JsonTokenType.PropertyName)
                continue;
            bool wanted = reader.ValueTextEquals(System.Text.Encoding.UTF8.GetBytes(path[matched]));
            reader.Read();
            if (!wanted)
            {
                reader.Skip();
                continue;
            }
            if (++matched == path.Length)
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (reader.TokenType != JsonTokenType.StartObject)
                return null;
        }
        return null;
    }
}
