using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an HTTP API's authorizer established; one member is set, by the kind of authorizer.</summary>
public sealed class APIGatewayHttpApiV2Authorizer
{
    /// <summary>A JWT authorizer's claims and scopes.</summary>
    [JsonPropertyName("jwt")]
    public APIGatewayHttpApiV2JwtDescription? Jwt { get; set; }

    /// <summary>A Lambda authorizer's context, as it returned it.</summary>
    [JsonPropertyName("lambda")]
    public Dictionary<string, JsonElement>? Lambda { get; set; }

    /// <summary>The caller of an IAM-authorized request (HTTP API or Function URL with <c>AWS_IAM</c>).</summary>
    [JsonPropertyName("iam")]
    public APIGatewayHttpApiV2IamDescription? Iam { get; set; }
}

/// <summary>A validated JWT.</summary>
public sealed class APIGatewayHttpApiV2JwtDescription
{
    /// <summary>The token's claims; API Gateway gives each value as text.</summary>
    [JsonPropertyName("claims")]
    public Dictionary<string, string>? Claims { get; set; }

    /// <summary>The token's scopes, or null.</summary>
    [JsonPropertyName("scopes")]
    public List<string>? Scopes { get; set; }
}

/// <summary>The IAM caller of a request.</summary>
public sealed class APIGatewayHttpApiV2IamDescription
{
    /// <summary>The caller's access key.</summary>
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; set; }

    /// <summary>The caller's account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The caller's principal id.</summary>
    [JsonPropertyName("callerId")]
    public string? CallerId { get; set; }

    /// <summary>The Cognito identity, for Cognito credentials.</summary>
    [JsonPropertyName("cognitoIdentity")]
    public APIGatewayHttpApiV2CognitoIdentity? CognitoIdentity { get; set; }

    /// <summary>The caller's AWS organization.</summary>
    [JsonPropertyName("principalOrgId")]
    public string? PrincipalOrgId { get; set; }

    /// <summary>The caller's user ARN.</summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; set; }

    /// <summary>The caller's user id.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }
}

/// <summary>A Cognito identity behind an IAM-authorized request.</summary>
public sealed class APIGatewayHttpApiV2CognitoIdentity
{
    /// <summary>The authentication methods used.</summary>
    [JsonPropertyName("amr")]
    public List<string>? Amr { get; set; }

    /// <summary>The identity's id.</summary>
    [JsonPropertyName("identityId")]
    public string? IdentityId { get; set; }

    /// <summary>The identity pool's id.</summary>
    [JsonPropertyName("identityPoolId")]
    public string? IdentityPoolId { get; set; }
}
