using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events;

// These types are [LambdaJson] as well as in their context. Each nullable member is skipped when null, as the
// context's WhenWritingNull skips it, so that the generated writer writes the context's bytes.

/// <summary>What a function invoked synchronously (<c>RequestResponse</c>) by an SES receipt rule returns: how SES goes on.</summary>
[LambdaJson]
public sealed partial class SimpleEmailDisposition
{
    /// <summary><c>CONTINUE</c>, <c>STOP_RULE</c> or <c>STOP_RULE_SET</c>.</summary>
    [JsonPropertyName("disposition")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Disposition { get; set; }
}
