using System.Text.Json;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>The default bootstrap's sample handlers, through the real AOT binary.</summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class SampleHandlerTests
{
    [Fact]
    public async Task Echo_returns_the_event_unchanged()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo");
        var outcome = await function.InvokeAsync("{\"hello\": [1, 2, 3]}");
        Assert.False(outcome.IsError);
        Assert.Equal("{\"hello\": [1, 2, 3]}", outcome.BodyText);
    }

    [Fact]
    public async Task Echo_returns_a_one_MiB_binary_event_byte_for_byte()
    {
        var payload = new byte[1024 * 1024];
        new Random(42).NextBytes(payload);
        await using var function = await FunctionUnderTest.StartAsync("echo");
        var outcome = await function.InvokeAsync(payload);
        Assert.False(outcome.IsError);
        Assert.Equal(payload, outcome.Body);
    }

    [Theory]
    [InlineData("{\"name\":\"Ada\"}", "Hello, Ada!")]
    [InlineData("{\"name\":\"\"}", "Hello, world!")]
    [InlineData("{}", "Hello, world!")]
    [InlineData("{\"name\":\"Zoë \\\"Z\\\"\"}", "Hello, Zoë \"Z\"!")]
    public async Task Greet_answers_with_a_typed_message(string @event, string message)
    {
        await using var function = await FunctionUnderTest.StartAsync("greet");
        var outcome = await function.InvokeAsync(@event);
        Assert.False(outcome.IsError, outcome.BodyText);
        using var json = JsonDocument.Parse(outcome.Body);
        Assert.Equal(message, json.RootElement.GetProperty("message").GetString());
        Assert.Single(json.RootElement.EnumerateObject());
    }

    [Fact]
    public async Task Greet_reports_a_malformed_event_as_a_serialization_error_and_serves_the_next()
    {
        await using var function = await FunctionUnderTest.StartAsync("greet");
        var bad = await function.InvokeAsync("{\"name\": ");
        Assert.True(bad.IsError);
        Assert.Equal("Runtime.SerializationError", bad.ErrorType);
        using (var error = JsonDocument.Parse(bad.Body))
        {
            Assert.Equal("Runtime.SerializationError", error.RootElement.GetProperty("errorType").GetString());
            Assert.Contains("GreetRequest", error.RootElement.GetProperty("errorMessage").GetString());
        }

        var good = await function.InvokeAsync("{\"name\":\"Ada\"}");
        Assert.False(good.IsError);
        Assert.Equal("{\"message\":\"Hello, Ada!\"}", good.BodyText);
    }

    [Fact]
    public async Task Fail_sends_an_error_report_with_type_message_and_stack_trace()
    {
        await using var function = await FunctionUnderTest.StartAsync("fail");
        var outcome = await function.InvokeAsync("{}");

        Assert.True(outcome.IsError);
        Assert.Equal("InvalidOperationException", outcome.ErrorType);
        using var error = JsonDocument.Parse(outcome.Body);
        Assert.Equal("boom", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", error.RootElement.GetProperty("errorType").GetString());
        var stack = error.RootElement.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(stack, line => line!.Contains("SampleHandlers.Fail"));

        var request = Assert.Single(function.Requests, r => r.Path.EndsWith("/error"));
        Assert.Equal("application/vnd.aws.lambda.error+json", request.Header("Content-Type"));
        Assert.Equal("InvalidOperationException", request.Header("Lambda-Runtime-Function-Error-Type"));
        await function.WaitForStdoutAsync(line => line.Contains("\tERROR\t") && line.Contains("boom"));
    }
}
