using System.Net;
using System.Text;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The host's real AOT <c>http</c> sample behind the emulator's command line with <c>--http-port</c>, in each of the
/// four event formats, reached by a real HTTP client.
/// </summary>
public sealed class HttpFrontDoorSampleTests
{
    public static readonly TheoryData<string> Formats = new() { "apigateway-v1", "apigateway-v2", "function-url", "alb" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Hello_greets_by_the_path_and_the_greeting_query(string format)
    {
        using var door = await FrontDoor.StartAsync($"--handler http --http-event {format}");
        var http = door.Http;

        using var hello = await http.GetAsync("/hello/Ada");
        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        Assert.Equal("application/json", hello.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"message":"Hello, Ada!"}""", await hello.Content.ReadAsStringAsync());
        using var hi = await http.GetAsync("/hello/Ada?greeting=Hi");
        Assert.Equal("""{"message":"Hi, Ada!"}""", await hi.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Echo_returns_a_binary_body_byte_for_byte_with_its_content_type(string format)
    {
        using var door = await FrontDoor.StartAsync($"--handler http --http-event {format}");
        var http = door.Http;
        byte[] body = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Encoding.UTF8.GetBytes("\r\n{\"not\":\"text\"}")).ToArray();

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        using var echo = await http.PostAsync("/echo", content);

        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        Assert.Equal(body, await echo.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", echo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("POST", Assert.Single(echo.Headers.GetValues("X-Echo-Method")));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Cookies_sets_both_cookies_and_echoes_the_cookie_header(string format)
    {
        using var door = await FrontDoor.StartAsync($"--handler http --http-event {format}");
        var http = door.Http;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/cookies");
        request.Headers.Add("Cookie", "x=1; y=2");
        using var cookies = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, cookies.StatusCode);
        Assert.Equal(["a=1", "b=2"], cookies.Headers.GetValues("Set-Cookie").Order());
        string received = await cookies.Content.ReadAsStringAsync();
        Assert.Matches("""^\{"received":"x=1; ?y=2"\}$""", received);

        using var none = await http.GetAsync("/cookies");
        Assert.Equal("""{"received":null}""", await none.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Anything_else_is_404(string format)
    {
        using var door = await FrontDoor.StartAsync($"--handler http --http-event {format}");
        var http = door.Http;

        using var missing = await http.DeleteAsync("/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_invoke_api_keeps_working_beside_the_front_door()
    {
        using var door = await FrontDoor.StartAsync("--handler http");
        var http = door.Http;
        using var front = await http.GetAsync("/hello/Ada");
        Assert.Equal(HttpStatusCode.OK, front.StatusCode);

        const string Event = """{"version":"2.0","rawPath":"/hello/Grace","rawQueryString":"","headers":{},"requestContext":{"http":{"method":"GET","path":"/hello/Grace","protocol":"HTTP/1.1","sourceIp":"127.0.0.1"},"requestId":"r","stage":"$default"},"isBase64Encoded":false}""";
        using var invoked = await door.Emulator.Http.PostAsync("/2015-03-31/functions/function/invocations", new StringContent(Event));
        Assert.Equal(HttpStatusCode.OK, invoked.StatusCode);
        Assert.Contains("Hello, Grace!", await invoked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_error_is_502_with_one_line_saying_why()
    {
        using var door = await FrontDoor.StartAsync("--handler fail");
        var http = door.Http;

        using var failed = await http.GetAsync("/anything");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal("""{"message":"Internal server error"}""", await failed.Content.ReadAsStringAsync());
        await door.Emulator.WaitForLinesAsync(l => l.StartsWith("emulator: http: GET /anything: 502, the function failed", StringComparison.Ordinal), 1);
    }

    [Fact]
    public async Task A_request_from_a_name_that_is_not_loopback_is_refused()
    {
        using var door = await FrontDoor.StartAsync("--handler http");
        var http = door.Http;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hello/Ada");
        request.Headers.Host = "rebound.example";

        using var refused = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>The emulator's command line with a front door on a free port, and a client for it.</summary>
    private sealed class FrontDoor(CliUnderTest emulator, HttpClient http) : IDisposable
    {
        public CliUnderTest Emulator => emulator;
        public HttpClient Http => http;

        public static async Task<FrontDoor> StartAsync(string arguments)
        {
            var emulator = await CliUnderTest.StartAsync($"--bootstrap {BootstrapBinaries.Host} --port 0 --http-port 0 {arguments}");
            string line = (await emulator.WaitForLinesAsync(l => l.Contains("HTTP front door"), 1))[0];
            int port = int.Parse(line.Split("http://127.0.0.1:")[1].TrimEnd('/'));
            // No cookie jar: the test sends its own Cookie header and reads Set-Cookie itself.
            return new FrontDoor(emulator, new HttpClient(new HttpClientHandler { UseCookies = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = FakeRuntime.Patience,
            });
        }

        public void Dispose()
        {
            http.Dispose();
            emulator.Dispose();
        }
    }
}
