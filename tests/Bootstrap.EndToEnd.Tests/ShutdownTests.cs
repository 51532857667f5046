using System.Text.Json;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>Shutdown hooks: an internal extension is registered only when there are hooks, and SIGTERM runs them.</summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class ShutdownTests
{
    [Fact]
    public async Task Counter_registers_one_extension_and_SIGTERM_runs_its_hook_and_exits_0()
    {
        await using var function = await FunctionUnderTest.StartAsync("counter");
        for (int i = 1; i <= 3; i++)
        {
            using var json = JsonDocument.Parse((await function.InvokeAsync("{}")).Body);
            Assert.Equal(i, json.RootElement.GetProperty("count").GetInt32());
        }

        var extension = Assert.Single(function.Api.Extensions.Registered);
        Assert.Equal("bootstrap-shutdown-hooks", extension.Name);
        Assert.Empty(extension.Events);
        var register = Assert.Single(function.Requests, r => r.Path == "/2020-01-01/extension/register");
        Assert.Equal("bootstrap-shutdown-hooks", register.Header("Lambda-Extension-Name"));
        // Registration happens during init: before the first /next.
        var paths = function.Requests.Select(r => r.Path).ToList();
        Assert.True(paths.IndexOf("/2020-01-01/extension/register") < paths.IndexOf("/2018-06-01/runtime/invocation/next"));

        Assert.True(await function.Process.TerminateAsync(TimeSpan.FromSeconds(5)), "no exit after SIGTERM");
        Assert.Equal(0, await function.ExitCodeAsync());
        Assert.Contains(function.Stdout, line => line.Contains("counter served 3 invocations"));
        Assert.Contains(function.Stdout, line => line.Contains("shutdown:") && line.Contains("1 of 1 hooks ran"));
    }

    [Fact]
    public async Task Echo_registers_no_extension()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo");
        await function.InvokeAsync("{}");
        Assert.Empty(function.Api.Extensions.Registered);
        Assert.DoesNotContain(function.Requests, r => r.Path.StartsWith("/2020-01-01/"));
    }
}
