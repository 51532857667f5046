using YamlDotNet.RepresentationModel;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>layer/template.yaml: a layer per architecture from the zips `make layer` writes, and a function that runs greet from the one it picks.</summary>
public sealed class LayerTemplateTests
{
    private static readonly string LayerFolder = Path.Combine(BootstrapBinaries.RepoRoot, "layer");

    private static YamlMappingNode LoadRoot()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(LayerFolder, "template.yaml")))
            yaml.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(yaml.Documents).RootNode);
    }

    private static YamlMappingNode Resources() => Mapping(LoadRoot(), "Resources");

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        Assert.IsType<YamlMappingNode>(Child(node, key));

    private static YamlNode Child(YamlMappingNode node, string key)
    {
        Assert.True(node.Children.TryGetValue(new YamlScalarNode(key), out var child), $"no '{key}' in the template here");
        return child!;
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        Assert.IsType<YamlScalarNode>(Child(node, key)).Value!;

    private static string[] Sequence(YamlMappingNode node, string key) =>
        Assert.IsType<YamlSequenceNode>(Child(node, key)).Children.Select(c => Assert.IsType<YamlScalarNode>(c).Value!).ToArray();

    /// <summary>Every resource of a type, by logical id, with its condition (or null) and properties.</summary>
    private static Dictionary<string, (string? Condition, YamlMappingNode Properties)> All(string type) =>
        Resources().Children
            .Where(r => r.Value is YamlMappingNode resource && Scalar(resource, "Type") == type)
            .ToDictionary(
                r => ((YamlScalarNode)r.Key).Value!,
                r =>
                {
                    var resource = (YamlMappingNode)r.Value;
                    string? condition = resource.Children.TryGetValue(new YamlScalarNode("Condition"), out var c) ? ((YamlScalarNode)c).Value : null;
                    return (condition, Mapping(resource, "Properties"));
                });

    private static YamlMappingNode Function() => Assert.Single(All("AWS::Serverless::Function")).Value.Properties;

    /// <summary>The layer resource for an architecture: the one that lists it as compatible.</summary>
    private static (string Id, string? Condition, YamlMappingNode Properties) LayerFor(string arch)
    {
        var (id, (condition, properties)) = Assert.Single(All("AWS::Serverless::LayerVersion"), l => Sequence(l.Value.Properties, "CompatibleArchitectures").SequenceEqual([arch]));
        return (id, condition, properties);
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("arm64")]
    public void Each_architecture_has_a_layer_that_publishes_the_zip_make_layer_writes(string arch)
    {
        var (_, _, layer) = LayerFor(arch);
        string contentUri = Path.GetFullPath(Path.Combine(LayerFolder, Scalar(layer, "ContentUri")));
        Assert.Equal(Path.Combine(BootstrapBinaries.RepoRoot, "artifacts", $"layer-{arch}.zip"), contentUri);
        Assert.Equal(["provided.al2023"], Sequence(layer, "CompatibleRuntimes"));
        // ... and that is a file `make layer` really writes.
        Assert.Equal(contentUri, arch == "arm64" ? LayerArtifacts.Arm64HostLayer : LayerArtifacts.HostLayer);
    }

    [Fact]
    public void The_architecture_parameter_picks_the_layer_and_the_functions_architecture_together()
    {
        var root = LoadRoot();
        var parameter = Mapping(Mapping(root, "Parameters"), "Architecture");
        Assert.Equal(["x86_64", "arm64"], Sequence(parameter, "AllowedValues"));
        Assert.Equal("x86_64", Scalar(parameter, "Default"));

        // Each layer exists only for its own architecture: Conditions.<its condition> is Fn::Equals [Ref Architecture, arch].
        var conditions = Mapping(root, "Conditions");
        foreach (string arch in new[] { "x86_64", "arm64" })
        {
            var (_, condition, _) = LayerFor(arch);
            var equals = Assert.IsType<YamlSequenceNode>(Child(Mapping(conditions, condition!), "Fn::Equals"));
            Assert.Equal("Architecture", Scalar(Assert.IsType<YamlMappingNode>(equals.Children[0]), "Ref"));
            Assert.Equal(arch, Assert.IsType<YamlScalarNode>(equals.Children[1]).Value);
        }

        // The function: Architectures [Ref Architecture]; Layers [Fn::If [arm64's condition, Ref arm64 layer, Ref x86_64 layer]].
        var function = Function();
        var architectures = Assert.IsType<YamlSequenceNode>(Child(function, "Architectures"));
        Assert.Equal("Architecture", Scalar(Assert.IsType<YamlMappingNode>(Assert.Single(architectures.Children)), "Ref"));
        var layers = Assert.IsType<YamlSequenceNode>(Child(function, "Layers"));
        var choice = Assert.IsType<YamlSequenceNode>(Child(Assert.IsType<YamlMappingNode>(Assert.Single(layers.Children)), "Fn::If"));
        var (arm64Id, arm64Condition, _) = LayerFor("arm64");
        var (x86Id, _, _) = LayerFor("x86_64");
        Assert.Equal(arm64Condition, Assert.IsType<YamlScalarNode>(choice.Children[0]).Value);
        Assert.Equal(arm64Id, Scalar(Assert.IsType<YamlMappingNode>(choice.Children[1]), "Ref"));
        Assert.Equal(x86Id, Scalar(Assert.IsType<YamlMappingNode>(choice.Children[2]), "Ref"));
    }

    [Fact]
    public void The_function_runs_greet_on_provided_al2023()
    {
        var function = Function();
        Assert.Equal("provided.al2023", Scalar(function, "Runtime"));
        Assert.Equal("greet", Scalar(function, "Handler"));
    }

    [Fact]
    public void The_function_code_is_minimal_and_leaves_bootstrap_to_the_layer()
    {
        var function = Function();
        string code = Path.GetFullPath(Path.Combine(LayerFolder, Scalar(function, "CodeUri")));
        Assert.True(Directory.Exists(code), $"CodeUri {code} is not a folder");

        var files = Directory.GetFiles(code, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);                                      // Lambda refuses an empty code zip
        Assert.DoesNotContain(files, f => Path.GetFileName(f) == "bootstrap");   // it would shadow /opt/bootstrap
        Assert.True(files.Sum(f => new FileInfo(f).Length) < 4096, "the function code should be a placeholder");
    }
}
