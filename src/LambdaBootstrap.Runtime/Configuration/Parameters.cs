namespace LambdaBootstrap.Runtime.Configuration;

/// <summary>
/// Parameter Store parameters, read through the AWS Parameters and Secrets Lambda Extension on
/// <c>localhost:2773</c> (or <c>PARAMETERS_SECRETS_EXTENSION_HTTP_PORT</c>) with the runtime's own HTTP client,
/// and cached in the process for <see cref="Ttl"/>. Nothing of it is made until the first read.
/// </summary>
public static class Parameters
{
    private static readonly ConfigurationCache s_cache = new();

    /// <summary>How long a value read is used before it is read again (default 5 minutes; zero: every time).</summary>
    public static TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The value of the parameter <paramref name="name"/> (a name, or a name with <c>:version</c> or <c>:label</c>);
    /// a SecureString decrypted unless <paramref name="withDecryption"/> is false. Throws
    /// <see cref="ParametersSecretsException"/> when it cannot be read.
    /// </summary>
    public static ValueTask<string> GetAsync(string name, bool withDecryption = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string key = withDecryption ? name : "\0" + name;
        return ValueTask.FromResult(s_cache.GetOrRead(key, Ttl, () =>
        {
            byte[] body = ParametersSecretsClient.Shared.Get(
                withDecryption ? "/systemsmanager/parameters/get?withDecryption=true&name="u8 : "/systemsmanager/parameters/get?withDecryption=false&name="u8, name);
            return JsonMember.String(body, "Parameter", "Value")
                ?? throw new ParametersSecretsException(200, null, $"the answer for parameter {name} has no Parameter.Value");
        }));
    }

    /// <summary>Forgets every cached value: the next read of each goes to the extension.</summary>
    public static void ClearCache() => s_cache.Clear();
}
