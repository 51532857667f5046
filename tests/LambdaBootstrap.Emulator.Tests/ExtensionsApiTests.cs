using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.Extensions;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The Extensions API's events and phases, and the Telemetry API's subscriptions, on the Runtime API server in-process.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class ExtensionsApiTests : IAsyncLifetime
{
    private RuntimeApiServer _api = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _api = await RuntimeApiServer.StartAsync(new RuntimeApiOptions { FunctionName = "fn" });
        _api.BeginColdStart(["ext"]);
        _api.Extensions.Handler = "greet";
        _http = new HttpClient { BaseAddress = new Uri($"http://{_api.Address}"), Timeout = Until.Patience };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private async Task<string> RegisterAsync(string name, string events)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/2020-01-01/extension/register") { Content = new StringContent($"{{\"events\":{events}}}") };
        request.Headers.Add("Lambda-Extension-Name", name);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("fn", body.RootElement.GetProperty("functionName").GetString());
        Assert.Equal("$LATEST", body.RootElement.GetProperty("functionVersion").GetString());
        Assert.Equal("greet", body.RootElement.GetProperty("handler").GetString());
        return response.Headers.GetValues("Lambda-Extension-Identifier").Single();
    }

    private Task<HttpResponseMessage> NextAsync(string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/2020-01-01/extension/event/next");
        request.Headers.Add("Lambda-Extension-Identifier", id);
        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string id, string? errorType, string body = "{}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body) };
        request.Headers.Add("Lambda-Extension-Identifier", id);
        if (errorType is not null)
            request.Headers.Add("Lambda-Extension-Function-Error-Type", errorType);
        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> SubscribeAsync(string id, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/2022-07-01/telemetry") { Content = new StringContent(body) };
        request.Headers.Add("Lambda-Extension-Identifier", id);
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Init_ends_when_the_runtime_and_every_extension_called_next_and_the_invoke_phase_when_each_called_again()
    {
        string id = await RegisterAsync("ext", "[\"INVOKE\",\"SHUTDOWN\"]");
        Assert.False(_api.Extensions.InitComplete);
        var first = NextAsync(id);
        await _api.Extensions.UntilEventRequestsWaitAsync(1).WaitAsync(Until.Patience);
        Assert.False(_api.Extensions.InitComplete); // the runtime has not asked for an event yet
        _ = _http.GetAsync("/2018-06-01/runtime/invocation/next");
        await _api.UntilNextsWaitAsync(1).WaitAsync(Until.Patience);
        await _api.Extensions.UntilAsync(() => _api.Extensions.InitComplete).WaitAsync(Until.Patience);

        var invocation = _api.Enqueue("{}"u8.ToArray());
        await invocation.Started.WaitAsync(Until.Patience);
        Assert.True(_api.Extensions.SendInvoke(invocation, "arn:aws:lambda:us-east-1:012345678912:function:fn"));
        Assert.False(_api.Extensions.AllReady);
        using var invoke = await first.WaitAsync(Until.Patience);
        using (var json = JsonDocument.Parse(await invoke.Content.ReadAsStringAsync()))
        {
            var root = json.RootElement;
            Assert.Equal("INVOKE", root.GetProperty("eventType").GetString());
            Assert.Equal(invocation.RequestId, root.GetProperty("requestId").GetString());
            Assert.Equal(invocation.Deadline.ToUnixTimeMilliseconds(), root.GetProperty("deadlineMs").GetInt64());
            Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:fn", root.GetProperty("invokedFunctionArn").GetString());
            Assert.Equal("X-Amzn-Trace-Id", root.GetProperty("tracing").GetProperty("type").GetString());
            Assert.Equal(invocation.TraceId, root.GetProperty("tracing").GetProperty("value").GetString());
        }
        Assert.False(_api.Extensions.AllReady); // it has the event, and has not said it is done with it

        var second = NextAsync(id);
        await _api.Extensions.UntilAsync(() => _api.Extensions.AllReady).WaitAsync(Until.Patience);
        _api.Extensions.SignalShutdown(DateTimeOffset.UtcNow.AddSeconds(2), ShutdownReason.Timeout);
        using var shutdown = await second.WaitAsync(Until.Patience);
        using var body = JsonDocument.Parse(await shutdown.Content.ReadAsStringAsync());
        Assert.Equal("SHUTDOWN", body.RootElement.GetProperty("eventType").GetString());
        Assert.Equal("timeout", body.RootElement.GetProperty("shutdownReason").GetString());
    }

    [Fact]
    public async Task An_init_error_ends_the_environment_with_its_type_and_the_extension_can_call_nothing_more()
    {
        string id = await RegisterAsync("ext", "[]");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync("/2020-01-01/extension/init/error", id, errorType: null)).StatusCode);
        Assert.False(_api.Extensions.Failure.IsCompleted);
        using var accepted = await PostAsync("/2020-01-01/extension/init/error", id, "Extension.ConfigMissing",
            "{\"errorMessage\":\"no config\",\"errorType\":\"Extension.ConfigMissing\"}");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var failure = await _api.Extensions.Failure.WaitAsync(Until.Patience);
        Assert.Equal("Extension.ConfigMissing", failure.ErrorType);
        Assert.Contains("no config", failure.ErrorMessage);
        Assert.Equal(HttpStatusCode.Forbidden, (await NextAsync(id)).StatusCode);
    }

    [Fact]
    public async Task A_function_has_at_most_ten_extensions()
    {
        for (int i = 0; i < ExtensionsApi.MaxExtensions; i++)
            await RegisterAsync($"internal-{i}", "[]");
        var eleventh = new HttpRequestMessage(HttpMethod.Post, "/2020-01-01/extension/register") { Content = new StringContent("{\"events\":[]}") };
        eleventh.Headers.Add("Lambda-Extension-Name", "one-too-many");
        using var refused = await _http.SendAsync(eleventh);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task A_subscription_is_refused_unless_it_is_as_the_Telemetry_API_documents_it()
    {
        string id = await RegisterAsync("ext", "[\"INVOKE\"]");
        string Body(string schema = "2022-12-13", string protocol = "HTTP", string uri = "http://sandbox.localdomain:4243", string types = "[\"platform\"]", string buffering = "{}") =>
            $"{{\"schemaVersion\":\"{schema}\",\"destination\":{{\"protocol\":\"{protocol}\",\"URI\":\"{uri}\"}},\"types\":{types},\"buffering\":{buffering}}}";
        foreach (string refused in new[]
        {
            Body(schema: "2020-01-01"), Body(protocol: "TCP"), Body(uri: "http://sandbox.localdomain"), Body(types: "[]"), Body(types: "[\"logs\"]"),
            Body(buffering: "{\"maxItems\":10}"), Body(buffering: "{\"timeoutMs\":10}"), Body(buffering: "{\"maxBytes\":2000000}"),
        })
        {
            using var response = await SubscribeAsync(id, refused);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"errorType\":\"ValidationError\"", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await SubscribeAsync("nobody", Body())).StatusCode);
        using var ok = await SubscribeAsync(id, Body());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"OK\"", await ok.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Telemetry_goes_to_the_listener_on_this_machine_in_batches_of_the_streams_asked_for()
    {
        var batches = new ConcurrentQueue<JsonElement[]>();
        await using var listener = await LoopbackServer.StartAsync(0, _ => { }, async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            using var json = JsonDocument.Parse(await reader.ReadToEndAsync());
            batches.Enqueue(json.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray());
            context.Response.StatusCode = 200;
        });
        string id = await RegisterAsync("ext", "[\"INVOKE\",\"SHUTDOWN\"]");
        _api.Telemetry.PublishPlatform(TelemetryRecords.InitStart);
        _api.Telemetry.PublishLine("function", "a function line");
        using var subscribed = await SubscribeAsync(id,
            $"{{\"schemaVersion\":\"2022-12-13\",\"destination\":{{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:{listener.Port}/telemetry\"}},\"types\":[\"platform\"],\"buffering\":{{\"timeoutMs\":30000}}}}");
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        _api.Telemetry.PublishLine("function", "another function line");
        _api.Telemetry.PublishPlatform(t => TelemetryRecords.Start(t, "request-1", "$LATEST", ""));

        // Nothing is due for 30 s; a flush (as before SHUTDOWN) sends the batch at once.
        await _api.Telemetry.FlushAsync(Until.Patience);
        var events = Assert.Single(batches);
        string[] types = events.Select(e => e.GetProperty("type").GetString()!).ToArray();
        // What happened since init started comes first, then the subscription itself; never the function stream.
        Assert.Equal(["platform.extension", "platform.initStart", "platform.telemetrySubscription", "platform.start"], types);
        var subscription = events[2].GetProperty("record");
        Assert.Equal("ext", subscription.GetProperty("name").GetString());
        Assert.Equal("Subscribed", subscription.GetProperty("state").GetString());
        Assert.Equal("request-1", events[3].GetProperty("record").GetProperty("requestId").GetString());
        Assert.All(events, e => Assert.True(DateTimeOffset.TryParse(e.GetProperty("time").GetString(), out _)));
    }

    [Fact]
    public void Sandbox_localdomain_is_this_machine_and_other_hosts_stay_as_they_are()
    {
        Assert.Equal("http://127.0.0.1:4243/telemetry", TelemetryApi.OnThisMachine(new Uri("http://sandbox.localdomain:4243/telemetry")).ToString());
        Assert.Equal("http://localhost:4243/", TelemetryApi.OnThisMachine(new Uri("http://localhost:4243/")).ToString());
    }
}
