using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// A DynamoDB attribute value in its typed JSON form: exactly one member is set, named by its type
/// (<c>{"S": "text"}</c>, <c>{"N": "1.5"}</c>, <c>{"M": {...}}</c>...). Numbers stay text, as DynamoDB sends them, so no
/// precision is lost.
/// </summary>
public sealed class AttributeValue
{
    /// <summary>A string.</summary>
    [JsonPropertyName("S")]
    public string? S { get; set; }

    /// <summary>A number, as text.</summary>
    [JsonPropertyName("N")]
    public string? N { get; set; }

    /// <summary>Binary (base64 in the event).</summary>
    [JsonPropertyName("B")]
    public byte[]? B { get; set; }

    /// <summary>A boolean.</summary>
    [JsonPropertyName("BOOL")]
    public bool? BOOL { get; set; }

    /// <summary><c>true</c> for a null value.</summary>
    [JsonPropertyName("NULL")]
    public bool? NULL { get; set; }

    /// <summary>A map of attribute values.</summary>
    [JsonPropertyName("M")]
    public Dictionary<string, AttributeValue>? M { get; set; }

    /// <summary>A list of attribute values.</summary>
    [JsonPropertyName("L")]
    public List<AttributeValue>? L { get; set; }

    /// <summary>A string set.</summary>
    [JsonPropertyName("SS")]
    public List<string>? SS { get; set; }

    /// <summary>A number set, as text.</summary>
    [JsonPropertyName("NS")]
    public List<string>? NS { get; set; }

    /// <summary>A binary set.</summary>
    [JsonPropertyName("BS")]
    public List<byte[]>? BS { get; set; }
}
