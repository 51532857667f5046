namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// The layer as Lambda uses it: unpacked into an /opt-like folder, and THAT bootstrap run under the Runtime API,
/// with the handler the SAM template's function names.
/// </summary>
public sealed class LayerRunTests
{
    [Fact]
    public async Task The_unpacked_layer_answers_greet()
    {
        using var scratch = new LayerScratch();
        string bootstrap = Path.Combine(scratch.UnpackLayer(LayerArtifacts.HostLayer), "bootstrap");

        await using var function = await FunctionUnderTest.StartAsync("greet", binary: bootstrap);
        var outcome = await function.InvokeAsync("{\"name\":\"Ada\"}");

        Assert.False(outcome.IsError, outcome.BodyText);
        Assert.Equal("{\"message\":\"Hello, Ada!\"}", outcome.BodyText);
        // The process answering is the unpacked file, not artifacts/bootstrap.
        Assert.Equal(bootstrap, new FileInfo($"/proc/{function.Process.Id}/exe").LinkTarget);
    }

    [Fact]
    public async Task The_test_functions_unpacked_layer_runs_its_own_handlers()
    {
        using var scratch = new LayerScratch();
        string bootstrap = Path.Combine(scratch.UnpackLayer(LayerArtifacts.TestFunctionLayer), "bootstrap");

        await using var function = await FunctionUnderTest.StartAsync("add-async", binary: bootstrap);
        var outcome = await function.InvokeAsync("{\"a\":2,\"b\":3}");

        Assert.False(outcome.IsError, outcome.BodyText);
        Assert.Equal("{\"total\":5}", outcome.BodyText);
    }
}
