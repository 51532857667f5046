using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>The Runtime API's later additions: the X-Ray error cause, 410 Gone, the invocation id, response streaming.</summary>
public sealed partial class ProtocolAdditionsTests
{
    [Fact]
    public async Task A_handler_error_carries_the_XRay_error_cause_header()
    {
        await using var function = await FunctionUnderTest.StartAsync("fail", new() { RecordRequests = true });
        await function.InvokeAsync("{}");

        var error = Assert.Single(function.Api.Requests, r => r.Path.EndsWith("/error"));
        string cause = error.Header("Lambda-Runtime-Function-XRay-Error-Cause")!;
        Assert.NotNull(cause);
        using var json = JsonDocument.Parse(cause);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("working_directory").GetString()));
        var exception = Assert.Single(json.RootElement.GetProperty("exceptions").EnumerateArray());
        Assert.Equal("InvalidOperationException", exception.GetProperty("type").GetString());
        Assert.Equal("boom", exception.GetProperty("message").GetString());
        Assert.Contains(exception.GetProperty("stack").EnumerateArray(), f => f.GetProperty("label").GetString() == "Bootstrap.Host.SampleHandlers.Fail");
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("paths").ValueKind);
    }

    [Fact]
    public async Task A_410_on_a_reply_is_a_warning_and_the_next_invocation_is_served()
    {
        int replies = 0;
        await using var function = await FunctionUnderTest.StartAsync("echo", new()
        {
            Intercept = async context =>
            {
                if (!context.Request.Path.Value!.EndsWith("/response") || Interlocked.Increment(ref replies) != 1)
                    return false;
                context.Response.StatusCode = 410;
                await context.Response.WriteAsync("{\"errorType\":\"InvocationGone\"}");
                return true;
            },
        });
        var late = function.Api.Enqueue("late"u8.ToArray());
        var next = await function.InvokeAsync("next");

        Assert.Equal("next", next.BodyText);
        Assert.False(late.Outcome.IsCompleted);
        Assert.Contains(function.Stdout, line => line.Contains("\tWARN\t") && line.Contains("410") && line.Contains(late.RequestId));
        Assert.False(function.Process.HasExited);
    }
}
