namespace LambdaBootstrap.Runtime.Configuration;

/// <summary>
/// Secrets Manager secrets, read through the AWS Parameters and Secrets Lambda Extension on <c>localhost:2773</c>
/// (or <c>PARAMETERS_SECRETS_EXTENSION_HTTP_PORT</c>) with the runtime's own HTTP client, and cached in the process
/// for <see cref="Ttl"/>. Nothing of it is made until the first read.
/// </summary>
public static class Secrets
{
    private static readonly ConfigurationCache s_cache = new();

    /// <summary>How long a value read is used before it is read again (default 5 minutes; zero: every time).</summary>
    public static TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The current <c>SecretString</c> of the secret <paramref name="secretId"/> (its name or ARN). Throws
    /// <see cref="ParametersSecretsException"/> when it cannot be read.
    /// </summary>
    public static ValueTask<string> GetAsync(string secretId)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        return ValueTask.FromResult(s_cache.GetOrRead(secretId, Ttl, () =>
        {
            byte[] body = ParametersSecretsClient.Shared.Get("/secretsmanager/get?secretId="u8, secretId);
            return JsonMember.String(body, "SecretString")
                ?? throw new ParametersSecretsException(200, null, $"the answer for secret {secretId} has no SecretString (a binary secret?)");
        }));
    }

    /// <summary>Forgets every cached value: the next read of each goes to the extension.</summary>
    public static void ClearCache() => s_cache.Clear();
}
