using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an AWS Transfer Family server with a Lambda identity provider sends to authenticate a user.</summary>
public sealed class TransferFamilyAuthorizerRequest
{
    /// <summary>The user.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The password (absent for key-based SFTP logins).</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary><c>SFTP</c>, <c>FTP</c>, <c>FTPS</c> or <c>AS2</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>The server.</summary>
    [JsonPropertyName("serverId")]
    public string? ServerId { get; set; }

    /// <summary>The client's IP address.</summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; set; }
}

/// <summary>What a Transfer Family identity provider returns: an empty response denies the user.</summary>
public sealed class TransferFamilyAuthorizerResponse
{
    /// <summary>The IAM role the user's session takes.</summary>
    [JsonPropertyName("Role")]
    public string? Role { get; set; }

    /// <summary>A session policy, as JSON text.</summary>
    [JsonPropertyName("Policy")]
    public string? Policy { get; set; }

    /// <summary><c>PATH</c> or <c>LOGICAL</c>.</summary>
    [JsonPropertyName("HomeDirectoryType")]
    public string? HomeDirectoryType { get; set; }

    /// <summary>The home directory (<c>PATH</c>).</summary>
    [JsonPropertyName("HomeDirectory")]
    public string? HomeDirectory { get; set; }

    /// <summary>Logical directory mappings, as JSON text (<c>LOGICAL</c>).</summary>
    [JsonPropertyName("HomeDirectoryDetails")]
    public string? HomeDirectoryDetails { get; set; }

    /// <summary>SFTP public keys, for key-based logins.</summary>
    [JsonPropertyName("PublicKeys")]
    public List<string>? PublicKeys { get; set; }

    /// <summary>EFS: the user's POSIX identity.</summary>
    [JsonPropertyName("PosixProfile")]
    public TransferFamilyPosixProfile? PosixProfile { get; set; }
}

/// <summary>A POSIX identity for Amazon EFS access.</summary>
public sealed class TransferFamilyPosixProfile
{
    /// <summary>The user id.</summary>
    [JsonPropertyName("Uid")]
    public long? Uid { get; set; }

    /// <summary>The group id.</summary>
    [JsonPropertyName("Gid")]
    public long? Gid { get; set; }

    /// <summary>Other group ids.</summary>
    [JsonPropertyName("SecondaryGids")]
    public List<long>? SecondaryGids { get; set; }
}
