using YamlDotNet.RepresentationModel;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>layer/template.yaml: it publishes the zip `make layer` writes, and its function runs greet from it.</summary>
public sealed class LayerTemplateTests
{
    private static readonly string LayerFolder = Path.Combine(BootstrapBinaries.RepoRoot, "layer");

    private static YamlMappingNode Resources()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(LayerFolder, "template.yaml")))
            yaml.Load(reader);
        var root = Assert.IsType<YamlMappingNode>(Assert.Single(yaml.Documents).RootNode);
        return Mapping(root, "Resources");
    }

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

    /// <summary>The one resource of a type, with its logical id.</summary>
    private static (string Id, YamlMappingNode Properties) Single(string type)
    {
        var matches = Resources().Children
            .Where(r => r.Value is YamlMappingNode resource && Scalar(resource, "Type") == type)
            .ToList();
        var (id, resource) = Assert.Single(matches);
        return (((YamlScalarNode)id).Value!, Mapping((YamlMappingNode)resource, "Properties"));
    }

    [Fact]
    public void The_layer_publishes_the_zip_make_layer_writes()
    {
        var (_, layer) = Single("AWS::Serverless::LayerVersion");
        string contentUri = Path.GetFullPath(Path.Combine(LayerFolder, Scalar(layer, "ContentUri")));
        Assert.Equal(LayerArtifacts.HostLayerPath, contentUri);
        // ... and that is a file `make layer` really writes.
        Assert.Equal(LayerArtifacts.HostLayerPath, LayerArtifacts.HostLayer);
    }

    [Fact]
    public void The_layer_is_for_provided_al2023_on_x86_64()
    {
        var (_, layer) = Single("AWS::Serverless::LayerVersion");
        Assert.Equal(["provided.al2023"], Sequence(layer, "CompatibleRuntimes"));
        Assert.Equal([LayerArtifacts.Arch], Sequence(layer, "CompatibleArchitectures"));
    }

    [Fact]
    public void The_function_runs_greet_on_provided_al2023_from_the_layer()
    {
        var (layerId, _) = Single("AWS::Serverless::LayerVersion");
        var (_, function) = Single("AWS::Serverless::Function");

        Assert.Equal("provided.al2023", Scalar(function, "Runtime"));
        Assert.Equal("greet", Scalar(function, "Handler"));
        Assert.Equal([LayerArtifacts.Arch], Sequence(function, "Architectures"));

        // Layers: [{Ref: <the layer>}], the long form of !Ref.
        var layers = Assert.IsType<YamlSequenceNode>(Child(function, "Layers"));
        var reference = Assert.IsType<YamlMappingNode>(Assert.Single(layers.Children));
        Assert.Equal(layerId, Scalar(reference, "Ref"));
    }

    [Fact]
    public void The_function_code_is_minimal_and_leaves_bootstrap_to_the_layer()
    {
        var (_, function) = Single("AWS::Serverless::Function");
        string code = Path.GetFullPath(Path.Combine(LayerFolder, Scalar(function, "CodeUri")));
        Assert.True(Directory.Exists(code), $"CodeUri {code} is not a folder");

        var files = Directory.GetFiles(code, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);                                      // Lambda refuses an empty code zip
        Assert.DoesNotContain(files, f => Path.GetFileName(f) == "bootstrap");   // it would shadow /opt/bootstrap
        Assert.True(files.Sum(f => new FileInfo(f).Length) < 4096, "the function code should be a placeholder");
    }
}
