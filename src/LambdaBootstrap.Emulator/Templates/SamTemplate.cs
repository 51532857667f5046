using System.Globalization;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.Processes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// The functions of a SAM or CloudFormation template (<c>--template</c>): each <c>AWS::Serverless::Function</c> and
/// <c>AWS::Lambda::Function</c> on <c>provided.al2023</c> or <c>provided.al2</c>, with its bootstrap (from
/// <c>CodeUri</c>/<c>Code</c>, a folder or a zip, or else from the layers it references), <c>Handler</c>,
/// <c>MemorySize</c>, <c>Timeout</c>, <c>Environment.Variables</c>, <c>Architectures</c> and SAM's <c>Globals</c>.
/// Whatever it leaves out is named in a warning; a template it cannot run is refused in one line.
/// </summary>
internal sealed class SamTemplate : IDisposable
{
    private static readonly HashSet<string> FunctionTypes = ["AWS::Serverless::Function", "AWS::Lambda::Function"];
    private static readonly HashSet<string> Runtimes = ["provided.al2023", "provided.al2"];
    // What the emulator takes from a function, and what has no meaning on this machine (said nothing about).
    private static readonly HashSet<string> Used =
        ["Runtime", "Handler", "CodeUri", "Code", "MemorySize", "Timeout", "Environment", "Architectures", "Layers", "FunctionName",
         "EventInvokeConfig", "DeadLetterQueue", "DeadLetterConfig", "Events", "FunctionUrlConfig"];
    private static readonly HashSet<string> NoLocalEffect =
        ["Description", "Tags", "Role", "Policies", "PackageType", "AutoPublishAlias", "PermissionsBoundary", "LoggingConfig"];

    private readonly CodeFolders _folders = new();
    private readonly List<TemplateFunction> _functions = [];
    private readonly List<string> _warnings = [];
    private readonly string _directory;
    private YamlMappingNode _resources = null!;
    private TemplateValues _values = null!;
    private TemplateEventInvoke _eventInvoke = null!;

    private SamTemplate(string path) => _directory = Path.GetDirectoryName(Path.GetFullPath(path))!;

    public IReadOnlyList<TemplateFunction> Functions => _functions;
    /// <summary>The API routes and Function URLs of its functions, for the HTTP front door.</summary>
    public TemplateApis Apis { get; private set; } = TemplateApis.None;
    /// <summary>One line per thing the template asks for that the emulator does not do.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Reads the template. Throws <see cref="EmulatorException"/> with one line when it has no function to run.</summary>
    public static SamTemplate Load(string path)
    {
        if (!File.Exists(path))
            throw new EmulatorException($"template not found: {path}");
        var template = new SamTemplate(path);
        try
        {
            template.Read(path);
            if (template._functions.Count == 0)
                throw new EmulatorException($"template {path} has no function the emulator can run (AWS::Serverless::Function or AWS::Lambda::Function on provided.al2023 or provided.al2)"
                    + (template._warnings.Count > 0 ? $": {string.Join("; ", template._warnings)}" : ""));
            return template;
        }
        catch
        {
            template.Dispose();
            throw;
        }
    }

    private void Read(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new EmulatorException($"template {path}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new EmulatorException($"template {path} is not a YAML mapping");
        if (Child(root, "Resources") is not YamlMappingNode resources)
            throw new EmulatorException($"template {path} has no Resources");
        _resources = resources;
        var defaults = new RuntimeApi.RuntimeApiOptions();
        _values = new TemplateValues(root, resources, defaults.Region, defaults.AccountId);
        _eventInvoke = new TemplateEventInvoke(resources, _values, defaults.Region, defaults.AccountId);
        var globals = Child(Child(root, "Globals") as YamlMappingNode, "Function") as YamlMappingNode;

        foreach (var (key, value) in resources.Children)
        {
            string id = ((YamlScalarNode)key).Value ?? "";
            if (value is not YamlMappingNode resource || Text(Child(resource, "Type")) is not { } type || !FunctionTypes.Contains(type)
                || !_values.Exists(resource))
                continue;
            bool serverless = type == "AWS::Serverless::Function";
            var properties = Child(resource, "Properties") as YamlMappingNode ?? new YamlMappingNode();
            try
            {
                if (Read(id, properties, serverless ? globals : null, serverless) is { } function)
                    _functions.Add(function);
            }
            catch (SkipFunction skip)
            {
                _warnings.Add($"{id}: not run: {skip.Message}");
            }
        }
        Apis = TemplateApiReader.Read(resources, _values, _functions.Select(f => f.LogicalId).ToHashSet(StringComparer.Ordinal), _warnings,
            Child(root, "Globals") as YamlMappingNode);
    }

    private TemplateFunction? Read(string id, YamlMappingNode properties, YamlMappingNode? globals, bool serverless)
    {
        YamlNode? Property(string name) => _values.Resolve(Child(properties, name) ?? Child(globals, name));

        string runtime = Text(Property("Runtime")) ?? throw new SkipFunction("it has no Runtime (an image function?)");
        if (!Runtimes.Contains(runtime))
            throw new SkipFunction($"Runtime {runtime} is not provided.al2023 or provided.al2");
        string architecture = Property("Architectures") is YamlSequenceNode { Children.Count: > 0 } architectures ? Text(architectures[0]) ?? "" : "x86_64";
        if (architecture is not ("x86_64" or "arm64"))
            throw new SkipFunction($"Architectures {architecture} is not x86_64 or arm64");

        var ignored = properties.Children.Keys.Concat(globals?.Children.Keys ?? [])
            .Select(k => ((YamlScalarNode)k).Value ?? "")
            .Where(name => !Used.Contains(name) && !NoLocalEffect.Contains(name))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (ignored.Count > 0)
            _warnings.Add($"{id}: not emulated: {string.Join(", ", ignored)}");

        string? functionName = null;
        if (Child(properties, "FunctionName") is { } nameNode)
        {
            functionName = Text(_values.Resolve(nameNode));
            if (functionName is null)
                _warnings.Add($"{id}: FunctionName is not a plain name: served as {id}");
        }

        var layers = LayerFolders(id, properties, globals);
        string bootstrap = FindBootstrap(id, properties, globals, serverless, layers);
        // Lambda would fail to start it; here the other architecture runs under qemu, but the two must agree.
        if (ElfMachine.Read(bootstrap) is { } built && built.LambdaName() != architecture)
            throw new SkipFunction($"it is {architecture} and its bootstrap is built for {built.LambdaName()}");
        return new TemplateFunction(
            id,
            functionName,
            bootstrap,
            Text(Property("Handler")),
            (int)Number(id, Property("MemorySize"), "MemorySize", 128),
            Number(id, Property("Timeout"), "Timeout", 3),
            Variables(id, Child(Child(globals, "Environment") as YamlMappingNode, "Variables"), Child(Child(properties, "Environment") as YamlMappingNode, "Variables")))
        {
            EventInvoke = _eventInvoke.Read(id, properties, globals, _warnings),
            // As Lambda starts /opt/extensions/*: every layer's extensions/ folder, merged (a later layer's file wins).
            Extensions = layers.SelectMany(Extensions.ExtensionProcesses.InLayer)
                .GroupBy(Extensions.ExtensionProcesses.NameOf).Select(same => same.Last()).ToArray(),
        };
    }

    /// <summary>The folders of the layers a function names (Globals' first), in order; those it cannot use are warned about.</summary>
    private List<string> LayerFolders(string id, YamlMappingNode properties, YamlMappingNode? globals)
    {
        var layers = (_values.Resolve(Child(globals, "Layers")) as YamlSequenceNode)?.Children ?? [];
        layers = [.. layers, .. (_values.Resolve(Child(properties, "Layers")) as YamlSequenceNode)?.Children ?? []];
        return layers.Select(layer => LayerFolder(id, layer)).OfType<string>().ToList();
    }

    /// <summary>As Lambda looks: the code's own bootstrap (/var/task), or else the last layer's that has one (/opt).</summary>
    private string FindBootstrap(string id, YamlMappingNode properties, YamlMappingNode? globals, bool serverless, List<string> layerFolders)
    {
        var code = Child(properties, serverless ? "CodeUri" : "Code") ?? (serverless ? Child(globals, "CodeUri") : null);
        if (code is not null)
        {
            string location = Text(_values.Resolve(code)) ?? throw new SkipFunction($"its {(serverless ? "CodeUri" : "Code")} is not a local path");
            string? folder = _folders.Open(Path.Combine(_directory, location))
                ?? throw new SkipFunction($"its code {location} is not there (relative to the template)");
            if (File.Exists(Path.Combine(folder, "bootstrap")))
                return Path.Combine(folder, "bootstrap");
        }
        foreach (string folder in Enumerable.Reverse(layerFolders))
        {
            if (File.Exists(Path.Combine(folder, "bootstrap")))
                return Path.Combine(folder, "bootstrap");
        }
        throw new SkipFunction("no bootstrap in its code or its layers");
    }

    /// <summary>The folder of a layer given as <c>Ref: LogicalId</c> (or <c>!Ref</c>) to a layer of the template.</summary>
    private string? LayerFolder(string id, YamlNode layer)
    {
        string? target = layer switch
        {
            YamlMappingNode reference when Text(Child(reference, "Ref")) is { } name => name,
            _ => null,
        };
        if (target is null || Child(_resources, target) is not YamlMappingNode resource || !_values.Exists(resource))
        {
            _warnings.Add($"{id}: layer {Describe(layer)} is not a layer of this template: not used");
            return null;
        }
        var properties = Child(resource, "Properties") as YamlMappingNode;
        string? location = Text(_values.Resolve(Child(properties, "ContentUri"))) ?? Text(_values.Resolve(Child(properties, "Content")));
        if (location is null)
        {
            _warnings.Add($"{id}: layer {target} has no local ContentUri: not used");
            return null;
        }
        return _folders.Open(Path.Combine(_directory, location))
            ?? throw new SkipFunction($"its layer {target}'s content {location} is not there (relative to the template)");
    }

    private IReadOnlyDictionary<string, string> Variables(string id, params YamlNode?[] maps)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var map in maps.OfType<YamlMappingNode>())
        {
            foreach (var (key, value) in map.Children)
            {
                string name = ((YamlScalarNode)key).Value ?? "";
                var resolved = _values.Resolve(value);
                if (resolved is null)
                    continue; // AWS::NoValue: no such variable
                if (Text(resolved) is { } text)
                    variables[name] = text;
                else
                    _warnings.Add($"{id}: environment variable {name} is not a plain value: not set");
            }
        }
        return variables;
    }

    private static double Number(string id, YamlNode? node, string name, double fallback)
    {
        if (node is null)
            return fallback;
        return Text(node) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0
            ? value
            : throw new SkipFunction($"its {name} is not a positive number");
    }

    private static YamlNode? Child(YamlMappingNode? map, string key) => TemplateValues.Child(map, key);

    private static string? Text(YamlNode? node) => TemplateValues.Text(node);

    private static string Describe(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : node.ToString();

    public void Dispose() => _folders.Dispose();

    /// <summary>Why one function of the template is not run (the others still are).</summary>
    private sealed class SkipFunction(string message) : Exception(message);
}
