using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// A request a VPC Lattice service forwards to a Lambda target group whose event structure version is <c>V1</c>.
/// Its members are snake_case, unlike version 2.0's.
/// </summary>
public sealed class VpcLatticeRequestV1
{
    /// <summary>The request's path, with its query string.</summary>
    [JsonPropertyName("raw_path")]
    public string? RawPath { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; set; }

    /// <summary>The headers, one value each.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The query string's parameters, one value each.</summary>
    [JsonPropertyName("query_string_parameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>The body: text, or base64 when <see cref="IsBase64Encoded"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Whether <see cref="Body"/> is base64.</summary>
    [JsonPropertyName("is_base64_encoded")]
    public bool IsBase64Encoded { get; set; }
}
