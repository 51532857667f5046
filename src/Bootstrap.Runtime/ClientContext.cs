using System.Text;
using System.Text.Json;

namespace Bootstrap.Runtime;

/// <summary>
/// The mobile client context of an invocation (Lambda-Runtime-Client-Context):
/// <c>{"client": {"installation_id", "app_title", ...}, "custom": {..}, "env": {..}}</c>.
/// </summary>
public sealed class ClientContext
{
    public ClientApplication? Client { get; init; }
    public IReadOnlyDictionary<string, string> Custom { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses the header's JSON. Throws <see cref="JsonException"/> or <see cref="FormatException"/> if it is not an object of that shape.</summary>
    public static ClientContext Parse(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
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

/// <summary>The app that invoked the function, from the client context's <c>client</c> object.</summary>
public sealed class ClientApplication
{
    public string? InstallationId { get; init; }
    public string? AppTitle { get; init; }
    public string? AppVersionName { get; init; }
    public string? AppVersionCode { get; init; }
    public string? AppPackageName { get; init; }

    internal static ClientApplication Read(ref Utf8JsonReader reader)
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
