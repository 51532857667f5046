using System.Text.Json;
using System.Text.RegularExpressions;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// An authorizer's IAM policy, evaluated as API Gateway does for <c>execute-api:Invoke</c>: an explicit <c>Deny</c>
/// whose resource matches wins, else an <c>Allow</c> whose resource matches lets the request through, else it is
/// refused. Resources may use <c>*</c> and <c>?</c> wildcards.
/// </summary>
internal static class IamPolicy
{
    /// <summary>Whether the policy allows invoking <paramref name="arn"/>; null when it is not a policy document.</summary>
    public static bool? Allows(JsonElement document, string arn)
    {
        if (document.ValueKind != JsonValueKind.Object || !TryGet(document, "Statement", out var statements))
            return null;
        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
        bool allowed = false;
        foreach (var statement in list)
        {
            if (statement.ValueKind != JsonValueKind.Object || !TryGet(statement, "Effect", out var effect) || effect.ValueKind != JsonValueKind.String)
                return null;
            bool matches = Values(statement, "Resource").Any(pattern => Wildcard(pattern).IsMatch(arn))
                && Values(statement, "Action").Any(action => Wildcard(action).IsMatch("execute-api:Invoke"));
            if (!matches)
                continue;
            if (string.Equals(effect.GetString(), "Deny", StringComparison.OrdinalIgnoreCase))
                return false;
            allowed |= string.Equals(effect.GetString(), "Allow", StringComparison.OrdinalIgnoreCase);
        }
        return allowed;
    }

    private static IEnumerable<string> Values(JsonElement statement, string name)
    {
        if (!TryGet(statement, name, out var value))
            return [];
        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
            _ => [],
        };
    }

    /// <summary>Policy keys are case-insensitive in practice (<c>Statement</c>, <c>statement</c>).</summary>
    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (member.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = member.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static Regex Wildcard(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
