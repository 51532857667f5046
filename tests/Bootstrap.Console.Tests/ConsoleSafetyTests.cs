using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bootstrap.Console.Tests;

/// <summary>
/// The console over plain HTTP, no browser: what another origin, another Host or a call without the token gets,
/// that the Invoke API still serves SDKs as before, the live feed, and that the page only ever writes text.
/// </summary>
public sealed class ConsoleSafetyTests : IClassFixture<ConsoleSafetyTests.Emulator>
{
    /// <summary>One emulator for the class; no browser.</summary>
    public sealed class Emulator : IAsyncLifetime
    {
        public ConsoleUnderTest Console { get; private set; } = null!;
        public Task InitializeAsync() => Task.Run(async () => Console = await ConsoleUnderTest.StartAsync());
        public Task DisposeAsync() { Console?.Dispose(); return Task.CompletedTask; }
    }

    private const string GreetPath = "/2015-03-31/functions/greet/invocations";
    private readonly ConsoleUnderTest _console;
    private readonly HttpClient _http;

    public ConsoleSafetyTests(Emulator emulator)
    {
        _console = emulator.Console;
        _http = emulator.Console.Http;
    }

    private string Origin => _console.Url.TrimEnd('/');

    private async Task<string> TokenAsync()
    {
        string page = await _http.GetStringAsync("/");
        return Regex.Match(page, "<meta name=\"console-token\" content=\"([^\"]+)\">").Groups[1].Value;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, string? origin = null, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Add("X-Console-Token", token);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (body is not null)
            request.Content = new StringContent(body);
        return request;
    }

    private async Task<int> HistoryCountAsync(string token)
    {
        using var response = await _http.SendAsync(Request(HttpMethod.Get, "/console/api/history", token));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetArrayLength();
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string errorType)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(errorType, response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.Contains("message", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_carries_a_token_of_this_run_and_forbids_inline_script_and_framing()
    {
        using var response = await _http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Matches("^[A-Za-z0-9_-]{32}$", await TokenAsync());
        Assert.Contains(_console.Lines, l => l.Contains($"emulator: console on {_console.Url}"));
    }

    [Fact]
    public async Task A_request_from_a_foreign_origin_is_refused_even_with_the_token()
    {
        string token = await TokenAsync();
        int before = await HistoryCountAsync(token);
        foreach (string foreign in new[] { "http://attacker.example", "null", "http://127.0.0.1:1", Origin.Replace("127.0.0.1", "localhost") })
        {
            await AssertRefusedAsync(await _http.SendAsync(Request(HttpMethod.Post, GreetPath, token, foreign, """{"name":"x"}""")), "CrossOriginRequest");
            await AssertRefusedAsync(await _http.SendAsync(Request(HttpMethod.Post, "/console/api/functions/greet/cold-start", token, foreign)), "CrossOriginRequest");
            await AssertRefusedAsync(await _http.SendAsync(Request(HttpMethod.Get, "/console/api/history", token, foreign)), "CrossOriginRequest");
            await AssertRefusedAsync(await _http.SendAsync(Request(HttpMethod.Get, "/", origin: foreign)), "CrossOriginRequest");
        }
        // A browser says where a request comes from even without Origin (a cross-site GET, an image, a form).
        var crossSite = Request(HttpMethod.Get, "/console/api/history", token);
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        await AssertRefusedAsync(await _http.SendAsync(crossSite), "CrossOriginRequest");
        var sameSite = Request(HttpMethod.Post, GreetPath, token, body: "{}");
        sameSite.Headers.Add("Sec-Fetch-Site", "same-site");
        await AssertRefusedAsync(await _http.SendAsync(sameSite), "CrossOriginRequest");
        Assert.Equal(before, await HistoryCountAsync(token));
    }

    [Fact]
    public async Task A_Host_that_is_not_loopback_is_refused()
    {
        foreach (string path in new[] { "/", "/console/console.js", "/console/api/functions" })
        {
            var request = Request(HttpMethod.Get, path, await TokenAsync());
            request.Headers.Host = "attacker.example";
            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("ForbiddenHost", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_console_API_and_a_browser_invoke_need_the_token()
    {
        string token = await TokenAsync();
        string wrong = new('A', token.Length);
        foreach (string? given in new[] { null, "", wrong, token[..^1] })
        {
            await AssertRefusedAsync(await _http.SendAsync(Request(HttpMethod.Get, "/console/api/functions", given)), "MissingConsoleToken");
            await AssertRefusedAsync(await _http.SendAsync(Request(HttpMethod.Get, $"/console/api/live?token={given}")), "MissingConsoleToken");
            await AssertRefusedAsync(await _http.SendAsync(Request(HttpMethod.Post, "/console/api/functions/greet/cold-start", given)), "MissingConsoleToken");
            // Same origin, as the console page sends it, but without this run's token.
            await AssertRefusedAsync(await _http.SendAsync(Request(HttpMethod.Post, GreetPath, given, Origin, """{"name":"x"}""")), "MissingConsoleToken");
        }
        using var allowed = await _http.SendAsync(Request(HttpMethod.Post, GreetPath, token, Origin, """{"name":"Page"}"""));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("""{"message":"Hello, Page!"}""", await allowed.Content.ReadAsStringAsync());
        using var functions = await _http.SendAsync(Request(HttpMethod.Get, "/console/api/functions", token));
        Assert.Equal(HttpStatusCode.OK, functions.StatusCode);
    }

    [Fact]
    public async Task A_client_without_browser_headers_invokes_as_before()
    {
        using var response = await _http.PostAsync(GreetPath, new StringContent("""{"name":"SDK"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"message":"Hello, SDK!"}""", await response.Content.ReadAsStringAsync());
        using var unknown = await _http.GetAsync("/2015-03-31/functions/greet/nothing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_functions_list_their_settings_and_state()
    {
        string token = await TokenAsync();
        async Task<JsonElement> FunctionAsync(string name)
        {
            using var response = await _http.SendAsync(Request(HttpMethod.Get, "/console/api/functions", token));
            var all = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return all.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        }
        using (var list = await _http.SendAsync(Request(HttpMethod.Get, "/console/api/functions", token)))
        {
            var names = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString());
            Assert.Equal(ConsoleUnderTest.Functions.Select(f => f.Name), names);
        }

        (await _http.PostAsync("/2015-03-31/functions/echo/invocations", new StringContent("{}"))).EnsureSuccessStatusCode();
        var echo = await FunctionAsync("echo");
        Assert.Equal("warm", echo.GetProperty("state").GetString());
        Assert.Equal("echo", echo.GetProperty("handler").GetString());
        Assert.Equal(256, echo.GetProperty("memoryMb").GetInt32());
        Assert.Equal(10, echo.GetProperty("timeoutSeconds").GetDouble());
        Assert.Equal("x86_64", echo.GetProperty("architecture").GetString());
        Assert.Equal(["EchoFunction"], echo.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));

        using var coldStart = await _http.SendAsync(Request(HttpMethod.Post, "/console/api/functions/EchoFunction/cold-start", token));
        Assert.Equal(HttpStatusCode.NoContent, coldStart.StatusCode);
        Assert.Equal("cold", (await FunctionAsync("echo")).GetProperty("state").GetString());

        (await _http.PostAsync("/2015-03-31/functions/broken/invocations", new StringContent("{}"))).EnsureSuccessStatusCode();
        Assert.Equal("crashed", (await FunctionAsync("broken")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_live_feed_sends_each_log_line_with_its_request_id_and_each_finished_invocation()
    {
        string token = await TokenAsync();
        using var feed = await _http.SendAsync(Request(HttpMethod.Get, $"/console/api/live?token={token}"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", feed.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await feed.Content.ReadAsStreamAsync());
        Assert.Equal(": live", await reader.ReadLineAsync());

        using var invoke = await _http.PostAsync(GreetPath, new StringContent("""{"name":"Feed"}"""));
        string requestId = invoke.Headers.GetValues("X-Amzn-RequestId").Single();
        var events = new List<(string Name, JsonElement Data)>();
        using var patience = new CancellationTokenSource(CliUnderTest.Patience);
        while (!events.Any(e => e.Name == "invocation"))
        {
            string? line = await reader.ReadLineAsync(patience.Token);
            if (line is not null && line.StartsWith("event: ", StringComparison.Ordinal))
            {
                string data = (await reader.ReadLineAsync(patience.Token))!;
                events.Add((line[7..], JsonDocument.Parse(data["data: ".Length..]).RootElement));
            }
        }
        var lines = events.Where(e => e.Name == "log" && e.Data.GetProperty("requestId").GetString() == requestId)
            .Select(e => e.Data.GetProperty("line").GetString()!).ToList();
        Assert.Contains(lines, l => l.StartsWith($"START RequestId: {requestId}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"REPORT RequestId: {requestId}", StringComparison.Ordinal));
        var finished = events.Single(e => e.Name == "invocation").Data;
        Assert.Equal(requestId, finished.GetProperty("requestId").GetString());
        Assert.Equal("greet", finished.GetProperty("function").GetString());
        Assert.Equal("""{"name":"Feed"}""", finished.GetProperty("event").GetString());
        Assert.Equal("""{"message":"Hello, Feed!"}""", finished.GetProperty("response").GetString());
        Assert.True(finished.GetProperty("durationMs").GetDouble() > 0);
    }

    [Fact]
    public async Task The_page_writes_function_output_only_as_text()
    {
        string page = await _http.GetStringAsync("/");
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", page);
        Assert.DoesNotMatch("\\son[a-z]+=", page);
        string script = await _http.GetStringAsync("/console/console.js");
        Assert.Contains("textContent", script);
        foreach (string sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser", "createContextualFragment", "eval(", "new Function", "srcdoc" })
            Assert.DoesNotContain(sink, script);
    }

    [Fact]
    public async Task The_page_weighs_under_48_KB_with_no_asset_from_elsewhere()
    {
        long total = 0;
        foreach (string path in new[] { "/", "/console/console.js", "/console/console.css" })
        {
            byte[] asset = await _http.GetByteArrayAsync(path);
            Assert.DoesNotMatch("(src|href)=\"https?://", System.Text.Encoding.UTF8.GetString(asset));
            total += asset.Length;
        }
        Assert.True(total < 48_000, $"the page weighs {total} bytes");
    }
}
