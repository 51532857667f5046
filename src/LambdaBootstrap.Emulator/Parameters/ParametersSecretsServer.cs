using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.Parameters;

/// <summary>
/// The AWS Parameters and Secrets Lambda Extension's HTTP API, served on 127.0.0.1 from the <c>--parameters</c> file:
/// <list type="bullet">
/// <item><c>GET /systemsmanager/parameters/get?name=&amp;withDecryption=&amp;version=&amp;label=</c>: Parameter Store's
/// GetParameter response (a name may also end in <c>:version</c> or <c>:label</c>);</item>
/// <item><c>GET /secretsmanager/get?secretId=&amp;versionStage=</c>: Secrets Manager's GetSecretValue response.</item>
/// </list>
/// A request without <c>X-Aws-Parameters-Secrets-Token</c> equal to a function's <c>AWS_SESSION_TOKEN</c> gets 401;
/// a name, version, label or stage that is not there gets 400 with the service's error type and message.
/// </summary>
internal sealed class ParametersSecretsServer : IAsyncDisposable
{
    /// <summary>The extension's port, unless <see cref="PortVariable"/> says otherwise.</summary>
    public const int DefaultPort = 2773;
    public const string PortVariable = "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT";
    public const string TokenHeader = "X-Aws-Parameters-Secrets-Token";

    private readonly ParametersFile _file;
    private readonly Func<string, bool> _isSessionToken;
    private readonly Action<string, bool> _output;
    private readonly string _region;
    private readonly string _accountId;
    private readonly DateTimeOffset _loadedAt = DateTimeOffset.UtcNow;
    private LoopbackServer _host = null!;
    private int _requests;

    private ParametersSecretsServer(ParametersFile file, Func<string, bool> isSessionToken, Action<string, bool> output, string region, string accountId)
    {
        _file = file;
        _isSessionToken = isSessionToken;
        _output = output;
        _region = region;
        _accountId = accountId;
    }

    public int Port => _host.Port;
    /// <summary>Requests served so far, refused ones included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <param name="isSessionToken">Whether a token is the AWS_SESSION_TOKEN of a function served here.</param>
    public static async Task<ParametersSecretsServer> StartAsync(ParametersFile file, int port, Func<string, bool> isSessionToken, Action<string, bool> output,
        string region = "us-east-1", string accountId = "012345678912")
    {
        var server = new ParametersSecretsServer(file, isSessionToken, output, region, accountId);
        server._host = await LoopbackServer.StartAsync(port, _ => { }, server.HandleAsync);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method))
        {
            await PlainAsync(context, 405, "method not allowed: the extension answers GET");
            return;
        }
        if (request.Headers[TokenHeader].ToString() is not { Length: > 0 } token || !_isSessionToken(token))
        {
            _output($"emulator: parameters: {request.Path}: refused (401): no {TokenHeader} equal to the function's AWS_SESSION_TOKEN", true);
            await PlainAsync(context, 401, "unauthorized: the request must carry X-Aws-Parameters-Secrets-Token, the function's AWS_SESSION_TOKEN");
            return;
        }
        switch (request.Path.Value)
        {
            case "/systemsmanager/parameters/get":
                await GetParameterAsync(context);
                break;
            case "/secretsmanager/get":
                await GetSecretAsync(context);
                break;
            default:
                await PlainAsync(context, 404, $"not found: {request.Path}; use /systemsmanager/parameters/get or /secretsmanager/get");
                break;
        }
    }

    private async Task GetParameterAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string name = query["name"].ToString();
        string? version = query["version"].ToString() is { Length: > 0 } v ? v : null;
        string? label = query["label"].ToString() is { Length: > 0 } l ? l : null;
        string withDecryption = query["withDecryption"].ToString();
        if (name.Length == 0)
        {
            await ErrorAsync(context, "ValidationException", "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
            return;
        }
        if (withDecryption is not ("" or "true" or "false"))
        {
            await ErrorAsync(context, "ValidationException", $"withDecryption must be true or false, not '{withDecryption}'");
            return;
        }
        // A selector may end the name: name:3 (a version) or name:live (a label).
        string? selector = null;
        int colon = name.LastIndexOf(':');
        if (colon > 0)
        {
            selector = name[colon..];
            string after = name[(colon + 1)..];
            name = name[..colon];
            if (long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                version ??= after;
            else
                label ??= after;
        }
        if (!_file.Parameters.TryGetValue(name, out var parameter))
        {
            await ErrorAsync(context, "ParameterNotFound", $"Parameter {name} not found.");
            return;
        }
        if ((version is not null && version != parameter.Version.ToString(CultureInfo.InvariantCulture)) || (label is not null && !parameter.Labels.Contains(label)))
        {
            await ErrorAsync(context, "ParameterVersionNotFound", $"Systems Manager could not find version {version ?? label} of {name}. Verify the version and try again.");
            return;
        }
        // Without decryption a SecureString comes back as ciphertext: here its value in base64 stands for it.
        string value = parameter.Type == "SecureString" && withDecryption != "true"
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(parameter.Value))
            : parameter.Value;
        string arn = $"arn:aws:ssm:{_region}:{_accountId}:parameter{(name.StartsWith('/') ? "" : "/")}{name}";
        await JsonAsync(context, json =>
        {
            json.WriteStartObject("Parameter");
            json.WriteString("ARN", arn);
            json.WriteString("DataType", "text");
            json.WriteNumber("LastModifiedDate", _loadedAt.ToUnixTimeMilliseconds() / 1000.0);
            json.WriteString("Name", name);
            if (selector is not null)
                json.WriteString("Selector", selector);
            else
                json.WriteNull("Selector");
            json.WriteNull("SourceResult");
            json.WriteString("Type", parameter.Type);
            json.WriteString("Value", value);
            json.WriteNumber("Version", parameter.Version);
            json.WriteEndObject();
            json.WriteStartObject("ResultMetadata");
            json.WriteEndObject();
        });
    }

    private async Task GetSecretAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string id = query["secretId"].ToString();
        string stage = query["versionStage"].ToString() is { Length: > 0 } s ? s : "AWSCURRENT";
        if (id.Length == 0)
        {
            await ErrorAsync(context, "ValidationException", "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null");
            return;
        }
        // A secret is asked for by its name or its ARN.
        var secret = _file.Secrets.Values.FirstOrDefault(s => s.Name == id || SecretArn(s.Name) == id);
        if (secret is null || stage != "AWSCURRENT")
        {
            string what = secret is null ? "" : $" with staging label {stage}";
            await ErrorAsync(context, "ResourceNotFoundException", $"Secrets Manager can't find the specified secret{what}.");
            return;
        }
        await JsonAsync(context, json =>
        {
            json.WriteString("ARN", SecretArn(secret.Name));
            json.WriteNumber("CreatedDate", _loadedAt.ToUnixTimeMilliseconds() / 1000.0);
            json.WriteString("Name", secret.Name);
            json.WriteNull("SecretBinary");
            json.WriteString("SecretString", secret.Value);
            json.WriteString("VersionId", VersionId(secret));
            json.WriteStartArray("VersionStages");
            json.WriteStringValue("AWSCURRENT");
            json.WriteEndArray();
            json.WriteStartObject("ResultMetadata");
            json.WriteEndObject();
        });
    }

    // Secrets Manager ends a secret's ARN with six characters of its own; here they are made from the name, so they stay put.
    private string SecretArn(string name)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        string suffix = string.Concat(hash.Take(6).Select(b => letters[b % letters.Length]));
        return $"arn:aws:secretsmanager:{_region}:{_accountId}:secret:{name}-{suffix}";
    }

    private static string VersionId(LocalSecret secret) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes(secret.Name + "\n" + secret.Value))).ToString();

    /// <summary>The service's error, as the extension passes it on: 400, its type in X-Amzn-ErrorType and the body.</summary>
    private async Task ErrorAsync(HttpContext context, string type, string message)
    {
        _output($"emulator: parameters: {context.Request.Path}{context.Request.QueryString}: {type}: {message}", true);
        context.Response.Headers["X-Amzn-ErrorType"] = type;
        context.Response.StatusCode = 400;
        await JsonAsync(context, json =>
        {
            json.WriteString("__type", type);
            json.WriteString("message", message);
        }, status: 400);
    }

    private static async Task JsonAsync(HttpContext context, Action<Utf8JsonWriter> write, int status = 200)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static async Task PlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
