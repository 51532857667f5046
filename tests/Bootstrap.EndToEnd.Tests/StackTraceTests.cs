using System.Text.Json;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// Error reports show the function's frames and none of the runtime's. The runtime hides its own frames with
/// [StackTraceHidden], so a function whose namespace begins with <c>LambdaBootstrap.Runtime</c> keeps all of its frames.
/// </summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class StackTraceTests
{
    private const string UserNamespace = "LambdaBootstrap.Runtime.UserCode.";

    /// <summary>A frame of the runtime itself: in its namespace, but not the user's namespace that shares the prefix.</summary>
    private static bool IsRuntimeFrame(string frame) =>
        frame.Contains("LambdaBootstrap.Runtime.") && !frame.Contains(UserNamespace);

    private static string[] StackTrace(JsonElement report) =>
        report.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string[] XRayLabels(string header)
    {
        using var cause = JsonDocument.Parse(header);
        var exception = Assert.Single(cause.RootElement.GetProperty("exceptions").EnumerateArray());
        return exception.GetProperty("stack").EnumerateArray().Select(f => f.GetProperty("label").GetString()!).ToArray();
    }

    private static async Task<(string[] Stack, string[] Labels)> FailAsync(string handler, string payload, string? binary)
    {
        await using var function = await FunctionUnderTest.StartAsync(handler, binary: binary);
        var outcome = await function.InvokeAsync(payload);
        Assert.True(outcome.IsError);
        using var report = JsonDocument.Parse(outcome.Body);
        var error = Assert.Single(function.Requests, r => r.Path.EndsWith("/error"));
        string cause = error.Header("Lambda-Runtime-Function-XRay-Error-Cause")!;
        Assert.NotNull(cause);
        return (StackTrace(report.RootElement), XRayLabels(cause));
    }

    [Theory]
    [InlineData("user-fail", "Orders.Place")]
    [InlineData("user-fail-async", "PlaceLater")]
    public async Task A_function_in_a_namespace_that_begins_with_LambdaBootstrap_Runtime_keeps_its_frames(string handler, string caller)
    {
        var (stack, labels) = await FailAsync(handler, "{}", BootstrapBinaries.TestFunction);

        Assert.StartsWith("at " + UserNamespace + "Orders.Validate", stack[0]);
        Assert.Contains(stack, frame => frame.Contains(UserNamespace) && frame.Contains(caller));
        Assert.DoesNotContain(stack, IsRuntimeFrame);
        Assert.DoesNotContain(stack, frame => frame.StartsWith("---"));

        Assert.Equal(UserNamespace + "Orders.Validate", labels[0]);
        Assert.Contains(labels, label => label.StartsWith(UserNamespace) && label.Contains(caller));
        Assert.DoesNotContain(labels, IsRuntimeFrame);
    }

    [Fact]
    public async Task A_sample_handlers_error_shows_only_its_own_frame()
    {
        var (stack, labels) = await FailAsync("fail", "{}", binary: null);

        var frame = Assert.Single(stack);
        Assert.StartsWith("at Bootstrap.Host.SampleHandlers.Fail(", frame);
        Assert.Equal(["Bootstrap.Host.SampleHandlers.Fail"], labels);
    }

    [Fact]
    public async Task A_streaming_handlers_error_before_the_first_byte_shows_no_runtime_frames()
    {
        var (stack, labels) = await FailAsync("stream", "{\"chunks\": 2, \"failAfter\": 0}", binary: null);

        Assert.Contains(stack, frame => frame.Contains("Bootstrap.Host.SampleHandlers"));
        Assert.DoesNotContain(stack, IsRuntimeFrame);
        Assert.DoesNotContain(labels, IsRuntimeFrame);
    }

    [Fact]
    public async Task A_failing_handler_factory_reports_its_frames_and_none_of_the_runtimes()
    {
        await using var function = await FunctionUnderTest.StartAsync("init-fails", binary: BootstrapBinaries.TestFunction);
        var error = await function.Api.InitError.WaitAsync(FunctionUnderTest.Patience);

        using var json = JsonDocument.Parse(error.Body);
        var cause = json.RootElement.GetProperty("cause");
        var stack = StackTrace(cause);
        Assert.NotEmpty(stack);
        Assert.DoesNotContain(stack, IsRuntimeFrame);
    }
}
