using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What AWS Config sends a custom rule's function. <see cref="InvokingEvent"/> and <see cref="RuleParameters"/> are JSON in strings.</summary>
public sealed class ConfigEvent
{
    /// <summary>The format version.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The configuration item or notification, as JSON text.</summary>
    [JsonPropertyName("invokingEvent")]
    public string? InvokingEvent { get; set; }

    /// <summary>The rule's parameters, as JSON text.</summary>
    [JsonPropertyName("ruleParameters")]
    public string? RuleParameters { get; set; }

    /// <summary>The token to pass to <c>PutEvaluations</c>.</summary>
    [JsonPropertyName("resultToken")]
    public string? ResultToken { get; set; }

    /// <summary>Whether the resource left the rule's scope.</summary>
    [JsonPropertyName("eventLeftScope")]
    public bool? EventLeftScope { get; set; }

    /// <summary>The role Config runs with.</summary>
    [JsonPropertyName("executionRoleArn")]
    public string? ExecutionRoleArn { get; set; }

    /// <summary>The rule's ARN.</summary>
    [JsonPropertyName("configRuleArn")]
    public string? ConfigRuleArn { get; set; }

    /// <summary>The rule's name.</summary>
    [JsonPropertyName("configRuleName")]
    public string? ConfigRuleName { get; set; }

    /// <summary>The rule's id.</summary>
    [JsonPropertyName("configRuleId")]
    public string? ConfigRuleId { get; set; }

    /// <summary>The account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }
}
