using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// An <c>AWS API Call via CloudTrail</c> event (or <c>AWS Console Sign In via CloudTrail</c>), source <c>aws.*</c>: a
/// CloudTrail record as the detail. The call's parameters and response vary by API and are <see cref="JsonElement"/>s.
/// </summary>
public sealed class AwsApiCallEvent : EventBridgeEvent<AwsApiCallDetail>;

/// <summary>A CloudTrail record.</summary>
public sealed class AwsApiCallDetail
{
    /// <summary>The record format's version.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>Who made the call.</summary>
    [JsonPropertyName("userIdentity")]
    public CloudTrailUserIdentity? UserIdentity { get; set; }

    /// <summary>When, ISO 8601 (<c>2024-05-03T14:10:11Z</c>).</summary>
    [JsonPropertyName("eventTime")]
    public string? EventTime { get; set; }

    /// <summary>The service called, e.g. <c>s3.amazonaws.com</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The API, e.g. <c>PutObject</c>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>The region called.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>The caller's address, or the calling service's name.</summary>
    [JsonPropertyName("sourceIPAddress")]
    public string? SourceIPAddress { get; set; }

    /// <summary>The caller's agent.</summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }

    /// <summary>The call's parameters.</summary>
    [JsonPropertyName("requestParameters")]
    public JsonElement? RequestParameters { get; set; }

    /// <summary>The call's response, for calls that change something.</summary>
    [JsonPropertyName("responseElements")]
    public JsonElement? ResponseElements { get; set; }

    /// <summary>Data the service adds.</summary>
    [JsonPropertyName("additionalEventData")]
    public JsonElement? AdditionalEventData { get; set; }

    /// <summary>The request's id.</summary>
    [JsonPropertyName("requestID")]
    public string? RequestID { get; set; }

    /// <summary>The record's id.</summary>
    [JsonPropertyName("eventID")]
    public string? EventID { get; set; }

    /// <summary>Whether the call only reads.</summary>
    [JsonPropertyName("readOnly")]
    public bool? ReadOnly { get; set; }

    /// <summary><c>AwsApiCall</c>, <c>AwsConsoleSignIn</c>, <c>AwsServiceEvent</c>...</summary>
    [JsonPropertyName("eventType")]
    public string? EventType { get; set; }

    /// <summary>Whether it is a management event.</summary>
    [JsonPropertyName("managementEvent")]
    public bool? ManagementEvent { get; set; }

    /// <summary>The account that received the event.</summary>
    [JsonPropertyName("recipientAccountId")]
    public string? RecipientAccountId { get; set; }

    /// <summary><c>Management</c> or <c>Data</c>.</summary>
    [JsonPropertyName("eventCategory")]
    public string? EventCategory { get; set; }

    /// <summary>The resources the call touched.</summary>
    [JsonPropertyName("resources")]
    public List<CloudTrailResource>? Resources { get; set; }

    /// <summary>The connection's TLS.</summary>
    [JsonPropertyName("tlsDetails")]
    public CloudTrailTlsDetails? TlsDetails { get; set; }

    /// <summary>The error's code, when the call failed.</summary>
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    /// <summary>The error's message, when the call failed.</summary>
    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; set; }
}

/// <summary>Who made a call.</summary>
public sealed class CloudTrailUserIdentity
{
    /// <summary><c>Root</c>, <c>IAMUser</c>, <c>AssumedRole</c>, <c>AWSService</c>...</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The principal's id.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>The principal's ARN.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    /// <summary>The principal's account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The access key used.</summary>
    [JsonPropertyName("accessKeyId")]
    public string? AccessKeyId { get; set; }

    /// <summary>The IAM user's name.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; set; }

    /// <summary>The service that called on the user's behalf.</summary>
    [JsonPropertyName("invokedBy")]
    public string? InvokedBy { get; set; }

    /// <summary>The temporary credentials' session.</summary>
    [JsonPropertyName("sessionContext")]
    public CloudTrailSessionContext? SessionContext { get; set; }
}

/// <summary>The session of temporary credentials.</summary>
public sealed class CloudTrailSessionContext
{
    /// <summary>Who issued the session.</summary>
    [JsonPropertyName("sessionIssuer")]
    public CloudTrailSessionIssuer? SessionIssuer { get; set; }

    /// <summary>The session's attributes.</summary>
    [JsonPropertyName("attributes")]
    public CloudTrailSessionAttributes? Attributes { get; set; }

    /// <summary>The source identity set when the role was assumed.</summary>
    [JsonPropertyName("sourceIdentity")]
    public string? SourceIdentity { get; set; }
}

/// <summary>The role or user that issued a session.</summary>
public sealed class CloudTrailSessionIssuer
{
    /// <summary><c>Role</c>, <c>IAMUser</c>, <c>Root</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The issuer's id.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>The issuer's ARN.</summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }

    /// <summary>The issuer's account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The issuer's name.</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; set; }
}

/// <summary>When a session began and whether MFA was used.</summary>
public sealed class CloudTrailSessionAttributes
{
    /// <summary>When the credentials were issued, ISO 8601.</summary>
    [JsonPropertyName("creationDate")]
    public string? CreationDate { get; set; }

    /// <summary><c>true</c> or <c>false</c>, as a string.</summary>
    [JsonPropertyName("mfaAuthenticated")]
    public string? MfaAuthenticated { get; set; }
}

/// <summary>A resource a call touched.</summary>
public sealed class CloudTrailResource
{
    /// <summary>The resource's ARN.</summary>
    [JsonPropertyName("ARN")]
    public string? Arn { get; set; }

    /// <summary>The resource's account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The resource's type, e.g. <c>AWS::S3::Object</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

/// <summary>The TLS of a call.</summary>
public sealed class CloudTrailTlsDetails
{
    /// <summary>E.g. <c>TLSv1.3</c>.</summary>
    [JsonPropertyName("tlsVersion")]
    public string? TlsVersion { get; set; }

    /// <summary>The cipher suite.</summary>
    [JsonPropertyName("cipherSuite")]
    public string? CipherSuite { get; set; }

    /// <summary>The host name the client asked for.</summary>
    [JsonPropertyName("clientProvidedHostHeader")]
    public string? ClientProvidedHostHeader { get; set; }
}
