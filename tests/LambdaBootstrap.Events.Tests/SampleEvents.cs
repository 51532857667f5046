using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace LambdaBootstrap.Events.Tests;

/// <summary>The fixtures, and the checks every event type goes through.</summary>
public static class SampleEvents
{
    /// <summary>Where the fixtures (the project's <c>events/triggers/</c>) are copied.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "triggers");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static T Read<T>(string name, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(Bytes(name), type)!;

    /// <summary>
    /// Reads the sample, writes it back, and checks that every value of the sample survived (so every documented
    /// field is modelled), that writing is stable, and that an unknown member in every object is ignored.
    /// </summary>
    public static T AssertRoundTrips<T>(string name, JsonTypeInfo<T> type)
    {
        var original = JsonNode.Parse(Bytes(name))!;
        var value = JsonSerializer.Deserialize(Bytes(name), type)!;
        var written = JsonSerializer.SerializeToNode(value, type)!;
        AssertCovers(original, written, "$");

        var again = JsonSerializer.SerializeToNode(JsonSerializer.Deserialize(written.ToJsonString(), type)!, type)!;
        Assert.True(JsonNode.DeepEquals(written, again), $"writing {name} twice differs:\n{written}\n{again}");

        var withUnknown = original.DeepClone();
        AddUnknownMembers(withUnknown);
        // A type that is a map of its own (a Connect response) has no members to be unknown.
        if (type.Kind != JsonTypeInfoKind.Dictionary)
            withUnknown.AsObject()["zzUnknownObject"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, new JsonObject()) };
        var tolerant = JsonSerializer.SerializeToNode(JsonSerializer.Deserialize(withUnknown.ToJsonString(), type)!, type)!;
        AssertCovers(original, tolerant, "$");
        return value;
    }

    /// <summary>Every non-null value of <paramref name="expected"/> is in <paramref name="actual"/>, dates and numbers compared by value.</summary>
    public static void AssertCovers(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                return;
            case JsonObject obj:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                foreach (var (name, child) in obj)
                {
                    if (child is null)
                        continue;
                    Assert.True(actualObject.ContainsKey(name), $"{path}.{name} was lost: the type does not model it");
                    AssertCovers(child, actualObject[name], $"{path}.{name}");
                }
                return;
            case JsonArray array:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(array.Count == actualArray.Count, $"{path}: {array.Count} items became {actualArray.Count}");
                for (int i = 0; i < array.Count; i++)
                    AssertCovers(array[i], actualArray[i], $"{path}[{i}]");
                return;
            case JsonValue value:
                Assert.True(actual is JsonValue, $"{path}: {value.ToJsonString()} became {actual?.ToJsonString() ?? "nothing"}");
                Assert.True(SameValue(value, (JsonValue)actual!), $"{path}: {value.ToJsonString()} became {actual!.ToJsonString()}");
                return;
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        var e = expected.GetValue<JsonElement>();
        var a = actual.GetValueKind() == JsonValueKind.Undefined ? default : JsonSerializer.SerializeToElement(actual);
        if (e.ValueKind != a.ValueKind)
            return false;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.GetDouble() == a.GetDouble(),
            JsonValueKind.String => e.GetString() == a.GetString()
                || SameInstant(e.GetString()!, a.GetString()!)
                || SameBytes(e.GetString()!, a.GetString()!),
            _ => JsonElement.DeepEquals(e, a),
        };
    }

    /// <summary>
    /// ISO 8601 times that name the same instant in the same form: <c>.000Z</c> may become <c>Z</c>, but a UTC
    /// time written <c>Z</c> must not come back as <c>+00:00</c>, which some readers of the event do not take.
    /// </summary>
    private static bool SameInstant(string expected, string actual) =>
        expected.Contains('T')
        && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)
        && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
        && e == a
        && expected.EndsWith('Z') == actual.EndsWith('Z');

    /// <summary>Base64 text that decodes to the same bytes (padding and line breaks are the writer's choice).</summary>
    private static bool SameBytes(string expected, string actual)
    {
        if (expected.Length < 4)
            return false;
        try
        {
            return Convert.FromBase64String(expected).AsSpan().SequenceEqual(Convert.FromBase64String(actual));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void AddUnknownMembers(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                    AddUnknownMembers(child);
            }
            // Null, so that it is also a valid entry where the object is a map (headers, attributes, images).
            obj["zzUnknownMember"] = null;
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                    AddUnknownMembers(child);
            }
        }
    }
}
