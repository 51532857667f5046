using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What a function invoked synchronously (<c>RequestResponse</c>) by an SES receipt rule returns: how SES goes on.</summary>
public sealed class SimpleEmailDisposition
{
    /// <summary><c>CONTINUE</c>, <c>STOP_RULE</c> or <c>STOP_RULE_SET</c>.</summary>
    [JsonPropertyName("disposition")]
    public string? Disposition { get; set; }
}
