using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>A user's groups as the pre token generation trigger sees them.</summary>
public sealed class GroupConfiguration
{
    /// <summary>The groups.</summary>
    [JsonPropertyName("groupsToOverride")]
    public List<string>? GroupsToOverride { get; set; }

    /// <summary>The groups' IAM roles.</summary>
    [JsonPropertyName("iamRolesToOverride")]
    public List<string>? IamRolesToOverride { get; set; }

    /// <summary>The preferred IAM role.</summary>
    [JsonPropertyName("preferredRole")]
    public string? PreferredRole { get; set; }
}

/// <summary>The token changes a pre token generation trigger returns.</summary>
public sealed class ClaimsOverrideDetails
{
    /// <summary>Claims to add or change.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public Dictionary<string, string>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public List<string>? ClaimsToSuppress { get; set; }

    /// <summary>The groups and roles to put in the token.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public GroupConfiguration? GroupOverrideDetails { get; set; }
}
