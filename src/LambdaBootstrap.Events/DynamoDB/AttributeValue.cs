using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

// These types are [LambdaJson] as well as in their context. Each nullable member is skipped when null, as the
// context's WhenWritingNull skips it, so that the generated writer writes the context's bytes.

/// <summary>
/// A DynamoDB attribute value in its typed JSON form: exactly one member is set, named by its type
/// (<c>{"S": "text"}</c>, <c>{"N": "1.5"}</c>, <c>{"M": {...}}</c>...). Numbers stay text, as DynamoDB sends them, so no
/// precision is lost.
/// </summary>
[LambdaJson]
public sealed partial class AttributeValue
{
    /// <summary>A string.</summary>
    [JsonPropertyName("S")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? S { get; set; }

    /// <summary>A number, as text.</summary>
    [JsonPropertyName("N")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? N { get; set; }

    /// <summary>Binary (base64 in the event).</summary>
    [JsonPropertyName("B")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public byte[]? B { get; set; }

    /// <summary>A boolean.</summary>
    [JsonPropertyName("BOOL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? BOOL { get; set; }

    /// <summary><c>true</c> for a null value.</summary>
    [JsonPropertyName("NULL")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? NULL { get; set; }

    /// <summary>A map of attribute values.</summary>
    [JsonPropertyName("M")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, AttributeValue>? M { get; set; }

    /// <summary>A list of attribute values.</summary>
    [JsonPropertyName("L")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<AttributeValue>? L { get; set; }

    /// <summary>A string set.</summary>
    [JsonPropertyName("SS")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? SS { get; set; }

    /// <summary>A number set, as text.</summary>
    [JsonPropertyName("NS")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? NS { get; set; }

    /// <summary>A binary set.</summary>
    [JsonPropertyName("BS")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<byte[]>? BS { get; set; }
}
