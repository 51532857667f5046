using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// What a mobile app's AWS SDK sent about itself when it invoked the function, on <see cref="ILambdaContext.ClientContext"/>.
/// Lambda passes it in the <c>Lambda-Runtime-Client-Context</c> header as
/// <c>{"client": {"installation_id", "app_title", ...}, "custom": {..}, "env": {..}}</c>; invocations from anything
/// else have none, and the context's property is <see langword="null"/>.
/// </summary>
public sealed class ClientContext
{
    /// <summary>The app that made the call; <see langword="null"/> when the caller did not describe itself.</summary>
    public ClientApplication? Client { get; init; }

    /// <summary>Custom values the app set, by name; empty when there are none.</summary>
    public IReadOnlyDictionary<string, string> Custom { get; init; } = new Dictionary<string, string>();

    /// <summary>The app's environment as its SDK reports it (platform, make, model, locale, ...), by name; empty when there is none.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses the header's JSON. Throws <see cref="JsonException"/> or <see cref="FormatException"/> if it is not an object of that shape.</summary>
    internal static ClientContext Parse(string json)
    {
        var reader = new LambdaJsonReader(Encoding.UTF8.GetBytes(json));
        ClientApplication? client = null;
        Dictionary<string, string>? custom = null, environment = null;
        JsonObjects.StartObject(ref reader);
        while (JsonObjects.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "client":
                    client = reader.TokenType == JsonTokenType.Null ? null : ClientApplication.Read(ref reader);
                    break;
                case "custom":
                    custom = JsonObjects.ReadStringMap(ref reader);
                    break;
                case "env":
                    environment = JsonObjects.ReadStringMap(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return new ClientContext
        {
            Client = client,
            Custom = custom ?? new Dictionary<string, string>(),
            Environment = environment ?? new Dictionary<string, string>(),
        };
    }
}

/// <summary>The app that invoked the function, from the client context's <c>client</c> object. Any value it did not send is <see langword="null"/>.</summary>
public sealed class ClientApplication
{
    /// <summary>An identifier of the app's installation on the device (<c>installation_id</c>).</summary>
    public string? InstallationId { get; init; }

    /// <summary>The app's title (<c>app_title</c>).</summary>
    public string? AppTitle { get; init; }

    /// <summary>The app's version name, as users see it (<c>app_version_name</c>).</summary>
    public string? AppVersionName { get; init; }

    /// <summary>The app's version code, as its build numbers it (<c>app_version_code</c>).</summary>
    public string? AppVersionCode { get; init; }

    /// <summary>The app's package name (<c>app_package_name</c>).</summary>
    public string? AppPackageName { get; init; }

    internal static ClientApplication Read(ref LambdaJsonReader reader)
    {
        string? installationId = null, title = null, versionName = null, versionCode = null, packageName = null;
        JsonObjects.StartObject(ref reader);
        while (JsonObjects.NextProperty(ref reader, out string name))
        {
            string? value = JsonObjects.ReadScalar(ref reader);
            switch (name)
            {
                case "installation_id": installationId = value; break;
                case "app_title": title = value; break;
                case "app_version_name": versionName = value; break;
                case "app_version_code": versionCode = value; break;
                case "app_package_name": packageName = value; break;
            }
        }
        return new ClientApplication
        {
            InstallationId = installationId,
            AppTitle = title,
            AppVersionName = versionName,
            AppVersionCode = versionCode,
            AppPackageName = packageName,
        };
    }
}
