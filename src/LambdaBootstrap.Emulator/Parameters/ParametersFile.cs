using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.Hosting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LambdaBootstrap.Emulator.Parameters;

/// <summary>
/// The <c>--parameters</c> file, YAML or JSON. Under <c>parameters</c>, a plain value is a <c>String</c> parameter
/// at version 1, and the long form gives <c>type</c> (<c>String</c>, <c>StringList</c>, <c>SecureString</c>),
/// <c>value</c> (a list for a StringList), <c>version</c> and <c>labels</c>. Under <c>secrets</c>, a secret is a
/// string, or a mapping or list, which the secret holds as JSON.
/// </summary>
internal sealed class ParametersFile
{
    private static readonly HashSet<string> Types = ["String", "StringList", "SecureString"];

    private ParametersFile(IReadOnlyDictionary<string, LocalParameter> parameters, IReadOnlyDictionary<string, LocalSecret> secrets)
    {
        Parameters = parameters;
        Secrets = secrets;
    }

    public IReadOnlyDictionary<string, LocalParameter> Parameters { get; }
    public IReadOnlyDictionary<string, LocalSecret> Secrets { get; }

    /// <summary>Reads the file; throws <see cref="EmulatorException"/> with one line saying what is wrong where.</summary>
    public static ParametersFile Load(string path)
    {
        if (!File.Exists(path))
            throw new EmulatorException($"parameters file not found: {path}");
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new EmulatorException($"parameters file {path}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new EmulatorException($"parameters file {path} is not a mapping with parameters and secrets");

        var parameters = new Dictionary<string, LocalParameter>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, LocalSecret>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            switch (Scalar(key))
            {
                case "parameters" when value is YamlMappingNode map:
                    foreach (var (name, entry) in map.Children)
                        parameters[Scalar(name)] = Parameter(path, Scalar(name), entry);
                    break;
                case "secrets" when value is YamlMappingNode map:
                    foreach (var (name, entry) in map.Children)
                        secrets[Scalar(name)] = new LocalSecret(Scalar(name), entry is YamlScalarNode text ? text.Value ?? "" : Json(entry));
                    break;
                default:
                    throw new EmulatorException($"parameters file {path}: line {key.Start.Line}: expected 'parameters' or 'secrets', each a mapping, not '{Scalar(key)}'");
            }
        }
        return new ParametersFile(parameters, secrets);
    }

    private static LocalParameter Parameter(string path, string name, YamlNode entry)
    {
        if (entry is YamlScalarNode plain)
            return new LocalParameter(name, "String", plain.Value ?? "", 1, []);
        if (entry is not YamlMappingNode map)
            throw new EmulatorException($"parameters file {path}: line {entry.Start.Line}: parameter {name} is a value or a mapping of type, value and version");
        YamlNode? Field(string field) => map.Children.TryGetValue(new YamlScalarNode(field), out var node) ? node : null;
        string type = (Field("type") as YamlScalarNode)?.Value ?? "String";
        if (!Types.Contains(type))
            throw new EmulatorException($"parameters file {path}: line {entry.Start.Line}: parameter {name}'s type is String, StringList or SecureString, not {type}");
        string value = Field("value") switch
        {
            YamlScalarNode scalar => scalar.Value ?? "",
            YamlSequenceNode list when type == "StringList" => string.Join(',', list.Children.Select(Scalar)),
            _ => throw new EmulatorException($"parameters file {path}: line {entry.Start.Line}: parameter {name} has no value"),
        };
        long version = 1;
        if (Field("version") is YamlScalarNode { Value: { } text } && !(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0))
            throw new EmulatorException($"parameters file {path}: line {entry.Start.Line}: parameter {name}'s version is a positive number, not {text}");
        string[] labels = Field("labels") is YamlSequenceNode labelList ? [.. labelList.Children.Select(Scalar)] : [];
        return new LocalParameter(name, type, value, version, labels);
    }

    private static bool IsJsonNumber(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Scalar(YamlNode node) => (node as YamlScalarNode)?.Value ?? "";

    /// <summary>A mapping or list as JSON: quoted scalars are strings; plain ones that read as numbers, booleans or null are those.</summary>
    private static string Json(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            Write(json, node);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                json.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    json.WritePropertyName(Scalar(key));
                    Write(json, value);
                }
                json.WriteEndObject();
                break;
            case YamlSequenceNode list:
                json.WriteStartArray();
                foreach (var item in list.Children)
                    Write(json, item);
                json.WriteEndArray();
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: var text }:
                if (text is null or "null" or "~")
                    json.WriteNullValue();
                else if (text is "true" or "false")
                    json.WriteBooleanValue(text == "true");
                else if (IsJsonNumber(text))
                    json.WriteRawValue(text);
                else
                    json.WriteStringValue(text);
                break;
            default:
                json.WriteStringValue(Scalar(node));
                break;
        }
    }
}
