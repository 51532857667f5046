using System.Net;
using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>Lambda-Runtime-Function-XRay-Error-Cause on an error report: recorded, checked, and shown in debug output.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class XRayErrorCauseTests
{
    private const string Valid =
        """{"working_directory":"/var/task","exceptions":[{"type":"InvalidOperationException","message":"boom","stack":[{"path":"/src/Handler.cs","line":12,"label":"Handler.Run"},{"path":"/src/Program.cs","line":3,"label":"Main"}]}],"paths":["/src/Handler.cs","/src/Program.cs"]}""";

    [Fact]
    public void A_valid_cause_is_summarised_on_one_line()
    {
        Assert.True(XRayErrorCauseFormat.TryDescribe(Valid, out string description));
        Assert.Equal("InvalidOperationException: boom at Handler.Run (/src/Handler.cs:12); 1 exception, 2 frames, 2 paths, working directory /var/task", description);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object, not array")]
    [InlineData("""{"exceptions":[],"paths":[]}""", "\"working_directory\" must be a string")]
    [InlineData("""{"working_directory":"/","exceptions":{},"paths":[]}""", "\"exceptions\" must be an array")]
    [InlineData("""{"working_directory":"/","exceptions":[],"paths":[1]}""", "\"paths[0]\" must be a string, not number")]
    [InlineData("""{"working_directory":"/","exceptions":[{"type":"E","stack":[]}],"paths":[]}""", "\"exceptions[0].message\" must be a string")]
    [InlineData("""{"working_directory":"/","exceptions":[{"type":"E","message":"m"}],"paths":[]}""", "\"exceptions[0].stack\" must be an array")]
    [InlineData("""{"working_directory":"/","exceptions":[{"type":"E","message":"m","stack":[{"path":"p","line":"12","label":"l"}]}],"paths":[]}""", "\"exceptions[0].stack[0].line\" must be a number")]
    [InlineData("{\"working_directory\":\"/\",\n\"exceptions\":[],\"paths\":[]}", "must be one line")]
    public void A_malformed_cause_is_refused_with_the_reason(string cause, string reason)
    {
        Assert.False(XRayErrorCauseFormat.TryDescribe(cause, out string description));
        Assert.Contains(reason, description);
    }

    [Fact]
    public void A_cause_of_64_KiB_or_more_is_refused()
    {
        string under = Padded(XRayErrorCauseFormat.MaxBytes - 1);
        string limit = Padded(XRayErrorCauseFormat.MaxBytes);
        Assert.True(XRayErrorCauseFormat.TryDescribe(under, out _));
        Assert.False(XRayErrorCauseFormat.TryDescribe(limit, out string description));
        Assert.Equal("65536 bytes, must be under 65536", description);
    }

    [Fact]
    public async Task The_runtime_api_records_a_valid_cause_on_the_invocation_and_accepts_the_error()
    {
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(30) });
        using var runtime = new FakeRuntime(api.Address);
        var invocation = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        using var response = await runtime.ReportErrorAsync(next.RequestId, "InvalidOperationException", "boom", next.InvocationId, Valid);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        Assert.Equal("InvalidOperationException", outcome.ErrorType);
        Assert.Equal(Valid, invocation.XRayErrorCause);
        Assert.Null(invocation.XRayErrorCauseProblem);
    }

    [Theory]
    [InlineData("{\"exceptions\":[]}", "\"working_directory\" must be a string")]
    [InlineData(null, "must be under 65536")]
    public async Task An_invalid_cause_is_recorded_with_its_problem_and_never_fails_the_error_report(string? cause, string problem)
    {
        // A cause over 64 KiB still gets through Kestrel's header limits, so the emulator can say what is wrong.
        cause ??= Padded(XRayErrorCauseFormat.MaxBytes + 10);
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(30) });
        using var runtime = new FakeRuntime(api.Address);
        var invocation = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        using var response = await runtime.ReportErrorAsync(next.RequestId, "Oops", "boom", next.InvocationId, cause);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Oops", (await invocation.Outcome.WaitAsync(FakeRuntime.Patience)).ErrorType);
        Assert.Equal(cause, invocation.XRayErrorCause);
        Assert.Contains(problem, invocation.XRayErrorCauseProblem);
    }

    [Fact]
    public async Task A_cause_with_utf8_text_arrives_intact()
    {
        string cause = Valid.Replace("boom", "café ☕");
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(30) });
        using var runtime = new FakeRuntime(api.Address);
        var invocation = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        await using var connection = await RawHttpConnection.OpenAsync(int.Parse(api.Address.Split(':')[1]));
        await connection.SendHeadAsync("POST", $"{FakeRuntime.Prefix}{next.RequestId}/error",
            ("Lambda-Runtime-Function-Error-Type", "Oops"), (XRayErrorCauseFormat.HeaderName, cause), ("Content-Length", "2"));
        await connection.SendAsync("{}");

        Assert.Equal(202, (await connection.ReadResponseAsync()).Status);
        await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        Assert.Equal(cause, invocation.XRayErrorCause);
        Assert.Null(invocation.XRayErrorCauseProblem);
    }

    [Fact]
    public async Task An_error_without_a_cause_records_none()
    {
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { Timeout = TimeSpan.FromSeconds(30) });
        using var runtime = new FakeRuntime(api.Address);
        var invocation = api.Enqueue([1]);
        var next = await runtime.NextAsync();
        (await runtime.ReportErrorAsync(next.RequestId, "Oops", "boom", next.InvocationId)).Dispose();
        await invocation.Outcome.WaitAsync(FakeRuntime.Patience);
        Assert.Null(invocation.XRayErrorCause);
        Assert.Null(invocation.XRayErrorCauseProblem);
    }

    [Fact]
    public async Task With_debug_on_a_local_function_shows_the_cause_summarised_and_the_invoker_gets_the_error()
    {
        await using var fake = await FakeFunction.StartAsync(debug: true);
        var call = fake.InvokeAsync("{}");
        var next = await fake.Runtime.NextAsync();
        (await fake.Runtime.ReportErrorAsync(next.RequestId, "InvalidOperationException", "boom", next.InvocationId, Valid)).Dispose();
        using var response = await call.WaitAsync(FakeRuntime.Patience);

        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidOperationException", json.RootElement.GetProperty("errorType").GetString());
        Assert.Contains($"XRAY-ERROR-CAUSE RequestId: {next.RequestId} InvalidOperationException: boom at Handler.Run (/src/Handler.cs:12); 1 exception, 2 frames, 2 paths, working directory /var/task", fake.Lines);
        // Shown before the invocation's END line, with the rest of its output.
        var lines = fake.Lines.ToList();
        Assert.True(lines.FindIndex(l => l.StartsWith("XRAY-ERROR-CAUSE")) < lines.IndexOf($"END RequestId: {next.RequestId}"));
    }

    [Fact]
    public async Task With_debug_on_an_invalid_cause_is_reported_and_the_invocation_still_fails_only_with_its_own_error()
    {
        await using var fake = await FakeFunction.StartAsync(debug: true);
        var call = fake.InvokeAsync("{}");
        var next = await fake.Runtime.NextAsync();
        (await fake.Runtime.ReportErrorAsync(next.RequestId, "Oops", "boom", next.InvocationId, "{\"exceptions\":[]}")).Dispose();
        using var response = await call.WaitAsync(FakeRuntime.Patience);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Oops", json.RootElement.GetProperty("errorType").GetString());
        Assert.Contains($"XRAY-ERROR-CAUSE RequestId: {next.RequestId} invalid: \"working_directory\" must be a string", fake.Lines);
    }

    [Fact]
    public async Task Without_debug_the_cause_is_not_shown()
    {
        await using var fake = await FakeFunction.StartAsync();
        var call = fake.InvokeAsync("{}");
        var next = await fake.Runtime.NextAsync();
        (await fake.Runtime.ReportErrorAsync(next.RequestId, "Oops", "boom", next.InvocationId, Valid)).Dispose();
        (await call.WaitAsync(FakeRuntime.Patience)).Dispose();
        Assert.Single(fake.Reports);
        Assert.DoesNotContain(fake.Lines, l => l.StartsWith("XRAY-ERROR-CAUSE"));
    }

    /// <summary>A valid cause of exactly <paramref name="bytes"/> bytes, padded in its working directory.</summary>
    private static string Padded(int bytes)
    {
        string empty = """{"working_directory":"","exceptions":[],"paths":[]}""";
        return empty.Replace("\"working_directory\":\"\"", $"\"working_directory\":\"{new string('x', bytes - empty.Length)}\"");
    }
}
