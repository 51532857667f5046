using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>The IAM policy a Lambda authorizer returns.</summary>
public sealed class APIGatewayCustomAuthorizerPolicy
{
    /// <summary>The policy language version, <c>2012-10-17</c>.</summary>
    [JsonPropertyName("Version")]
    public string? Version { get; set; }

    /// <summary>The statements.</summary>
    [JsonPropertyName("Statement")]
    public List<IAMPolicyStatement>? Statement { get; set; }

    /// <summary>A policy of one statement: <paramref name="effect"/> (<c>Allow</c> or <c>Deny</c>) <c>execute-api:Invoke</c> on <paramref name="resources"/> (method or route ARNs, wildcards allowed).</summary>
    public static APIGatewayCustomAuthorizerPolicy Of(string effect, params string[] resources) => new()
    {
        Version = "2012-10-17",
        Statement = [new IAMPolicyStatement { Effect = effect, Action = ["execute-api:Invoke"], Resource = [.. resources] }],
    };

    /// <summary>Allows <c>execute-api:Invoke</c> on <paramref name="resources"/>.</summary>
    public static APIGatewayCustomAuthorizerPolicy Allow(params string[] resources) => Of("Allow", resources);

    /// <summary>Denies <c>execute-api:Invoke</c> on <paramref name="resources"/>.</summary>
    public static APIGatewayCustomAuthorizerPolicy Deny(params string[] resources) => Of("Deny", resources);

    /// <summary>One statement of an IAM policy.</summary>
    public sealed class IAMPolicyStatement
    {
        /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
        [JsonPropertyName("Effect")]
        public string? Effect { get; set; }

        /// <summary>The actions, <c>execute-api:Invoke</c> (one value or a list).</summary>
        [JsonConverter(typeof(StringOrListConverter))]
        [JsonPropertyName("Action")]
        public List<string>? Action { get; set; }

        /// <summary>The method or route ARNs the statement covers (one value or a list).</summary>
        [JsonConverter(typeof(StringOrListConverter))]
        [JsonPropertyName("Resource")]
        public List<string>? Resource { get; set; }

        /// <summary>Conditions, by operator and key.</summary>
        [JsonPropertyName("Condition")]
        public Dictionary<string, Dictionary<string, JsonElement>>? Condition { get; set; }
    }
}
