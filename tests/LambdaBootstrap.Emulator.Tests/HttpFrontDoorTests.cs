using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.HttpFrontDoor;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The HTTP front door on a real Kestrel server, in front of a function whose runtime the test plays: the event it
/// sends, and how it answers bad answers, errors, timeouts and oversized bodies.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpFrontDoorTests
{
    [Fact]
    public async Task A_request_becomes_a_payload_2_event_with_its_request_context()
    {
        await using var door = await Door.StartAsync(FrontDoorEventFormat.ApiGatewayV2);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/items/7?tag=a&tag=b&q=x%20y") { Content = new ByteArrayContent([0, 1, 2, 255]) };
        request.Content.Headers.ContentType = new("image/png");
        request.Headers.Add("Cookie", "s=1; t=2");
        request.Headers.Add("X-Many", ["one", "two"]);
        var answer = door.Http.SendAsync(request);

        var next = await door.Fake.Runtime.NextAsync();
        using var json = JsonDocument.Parse(next.Body);
        var root = json.RootElement;
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.Equal("/items/7", root.GetProperty("rawPath").GetString());
        Assert.Equal("tag=a&tag=b&q=x%20y", root.GetProperty("rawQueryString").GetString());
        Assert.Equal("a,b", root.GetProperty("queryStringParameters").GetProperty("tag").GetString());
        Assert.Equal("x y", root.GetProperty("queryStringParameters").GetProperty("q").GetString());
        Assert.Equal(["s=1", "t=2"], root.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("one, two", root.GetProperty("headers").GetProperty("x-many").GetString());
        Assert.False(root.GetProperty("headers").TryGetProperty("cookie", out _));
        Assert.True(root.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal([0, 1, 2, 255], Convert.FromBase64String(root.GetProperty("body").GetString()!));
        var context = root.GetProperty("requestContext");
        Assert.Equal("$default", context.GetProperty("stage").GetString());
        Assert.True(Guid.TryParse(context.GetProperty("requestId").GetString(), out _));
        Assert.Equal("127.0.0.1", context.GetProperty("http").GetProperty("sourceIp").GetString());
        Assert.Equal("PUT", context.GetProperty("http").GetProperty("method").GetString());
        Assert.Equal("HTTP/1.1", context.GetProperty("http").GetProperty("protocol").GetString());
        Assert.StartsWith("127.0.0.1:", context.GetProperty("domainName").GetString());
        Assert.InRange(context.GetProperty("timeEpoch").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Matches(@"^\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000$", context.GetProperty("time").GetString());

        await door.Fake.Runtime.RespondAsync(next.RequestId, """{"statusCode":201,"headers":{"X-One":"1"},"cookies":["c=3","d=4"],"body":"aGk=","isBase64Encoded":true}""");
        using var response = await answer;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-One")));
        Assert.Equal(["c=3", "d=4"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("hi", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_becomes_a_rest_api_event_with_multi_value_headers_and_query()
    {
        await using var door = await Door.StartAsync(FrontDoorEventFormat.ApiGatewayV1);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/a/b?k=1&k=2") { Content = new StringContent("{\"x\":1}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Many", ["one", "two"]);
        var answer = door.Http.SendAsync(request);

        var next = await door.Fake.Runtime.NextAsync();
        using var json = JsonDocument.Parse(next.Body);
        var root = json.RootElement;
        Assert.Equal("POST", root.GetProperty("httpMethod").GetString());
        Assert.Equal("/a/b", root.GetProperty("path").GetString());
        Assert.Equal("2", root.GetProperty("queryStringParameters").GetProperty("k").GetString());
        Assert.Equal(["1", "2"], root.GetProperty("multiValueQueryStringParameters").GetProperty("k").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["one, two"], root.GetProperty("multiValueHeaders").GetProperty("X-Many").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("{\"x\":1}", root.GetProperty("body").GetString());
        Assert.False(root.GetProperty("isBase64Encoded").GetBoolean());
        var context = root.GetProperty("requestContext");
        Assert.Equal("prod", context.GetProperty("stage").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("identity").GetProperty("sourceIp").GetString());
        Assert.True(context.GetProperty("requestTimeEpoch").GetInt64() > 0);

        await door.Fake.Runtime.RespondAsync(next.RequestId, """{"statusCode":200,"multiValueHeaders":{"Set-Cookie":["a=1","b=2"]},"body":"ok"}""");
        using var response = await answer;
        Assert.Equal(["a=1", "b=2"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(nameof(FrontDoorEventFormat.ApiGatewayV1), """{"body":"no status"}""", "no statusCode")]
    [InlineData(nameof(FrontDoorEventFormat.ApiGatewayV2), """{"statusCode":"abc"}""", "statusCode is not a number")]
    [InlineData(nameof(FrontDoorEventFormat.FunctionUrl), """{"statusCode":200,"body":"%%%","isBase64Encoded":true}""", "not base64")]
    [InlineData(nameof(FrontDoorEventFormat.Alb), """{"statusCode":200,"headers":{"X-Bad":"a\r\nSet-Cookie: evil=1"}}""", "CR, LF")]
    [InlineData(nameof(FrontDoorEventFormat.Alb), "not json", "not JSON")]
    public async Task An_answer_that_is_not_a_valid_response_is_502_with_one_line_saying_why(string formatName, string answer, string why)
    {
        var format = Enum.Parse<FrontDoorEventFormat>(formatName);
        await using var door = await Door.StartAsync(format);
        var response = door.Http.GetAsync("/x");
        var next = await door.Fake.Runtime.NextAsync();
        await door.Fake.Runtime.RespondAsync(next.RequestId, answer);

        using var bad = await response;

        Assert.Equal(HttpStatusCode.BadGateway, bad.StatusCode);
        Assert.Equal("""{"message":"Internal server error"}""", await bad.Content.ReadAsStringAsync());
        string line = Assert.Single(door.Lines, l => l.StartsWith("emulator: http: GET /x: 502", StringComparison.Ordinal));
        Assert.Contains(why, line);
    }

    [Fact]
    public async Task A_function_error_is_502()
    {
        await using var door = await Door.StartAsync(FrontDoorEventFormat.ApiGatewayV2);
        var response = door.Http.GetAsync("/x");
        var next = await door.Fake.Runtime.NextAsync();
        await door.Fake.Runtime.ReportErrorAsync(next.RequestId, "Boom", "it broke");

        using var failed = await response;

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal("""{"message":"Internal server error"}""", await failed.Content.ReadAsStringAsync());
        Assert.Contains(door.Lines, l => l.Contains("502, the function failed: Boom: it broke"));
    }

    [Fact]
    public async Task A_timeout_is_504()
    {
        var clock = new TestClock();
        await using var door = await Door.StartAsync(FrontDoorEventFormat.ApiGatewayV1, TimeSpan.FromSeconds(1), clock);
        var response = door.Http.GetAsync("/slow");
        await door.Fake.Runtime.NextAsync();
        // The init timeout's timer, then the function timeout's.
        await clock.UntilTimersArmedAsync(2);
        clock.Advance(TimeSpan.FromSeconds(1));

        using var late = await response;

        Assert.Equal(HttpStatusCode.GatewayTimeout, late.StatusCode);
        Assert.Equal("""{"message":"Endpoint request timed out"}""", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_10_MB_is_413_and_one_at_10_MB_goes_through()
    {
        await using var door = await Door.StartAsync(FrontDoorEventFormat.ApiGatewayV2);

        using var tooLarge = await door.Http.PostAsync("/upload", new ByteArrayContent(new byte[HttpFrontDoorServer.MaxRequestBodyBytes + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("""{"message":"Request Entity Too Large"}""", await tooLarge.Content.ReadAsStringAsync());

        var response = door.Http.PostAsync("/upload", new ByteArrayContent(new byte[HttpFrontDoorServer.MaxRequestBodyBytes]));
        var next = await door.Fake.Runtime.NextAsync();
        await door.Fake.Runtime.RespondAsync(next.RequestId, """{"statusCode":204}""");
        using var fits = await response;
        Assert.Equal(HttpStatusCode.NoContent, fits.StatusCode);
    }

    [Fact]
    public async Task A_function_url_streams_a_streamed_response_through_with_its_prelude_as_the_head()
    {
        await using var door = await Door.StartAsync(FrontDoorEventFormat.FunctionUrl);
        var response = door.Http.GetAsync("/stream", HttpCompletionOption.ResponseHeadersRead);
        var next = await door.Fake.Runtime.NextAsync();
        var secondPart = new TaskCompletionSource();
        var streamed = door.Fake.Runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            await body.WriteAsync("""{"statusCode":201,"headers":{"Content-Type":"text/plain","X-Kind":"streamed"},"cookies":["a=1","b=2"]}"""u8.ToArray());
            await body.WriteAsync(new byte[8]);
            await body.WriteAsync("first,"u8.ToArray());
            await body.FlushAsync();
            await secondPart.Task;
            await body.WriteAsync("second"u8.ToArray());
        }, FunctionUrlStreamRelay.PreludeContentType);

        using var head = await response;
        Assert.Equal(HttpStatusCode.Created, head.StatusCode);
        Assert.Equal("streamed", Assert.Single(head.Headers.GetValues("X-Kind")));
        Assert.Equal(["a=1", "b=2"], head.Headers.GetValues("Set-Cookie"));
        Assert.Equal("text/plain", head.Content.Headers.ContentType!.MediaType);
        await using var body = await head.Content.ReadAsStreamAsync();
        byte[] first = new byte[6];
        await body.ReadExactlyAsync(first);
        // The first part reached the client while the function still held back the second.
        Assert.Equal("first,", Encoding.UTF8.GetString(first));
        secondPart.SetResult();
        Assert.Equal("second", await new StreamReader(body).ReadToEndAsync());
        using var _ = await streamed;
    }

    [Fact]
    public async Task A_streamed_function_url_response_with_a_bad_prelude_is_502()
    {
        await using var door = await Door.StartAsync(FrontDoorEventFormat.FunctionUrl);
        var response = door.Http.GetAsync("/stream");
        var next = await door.Fake.Runtime.NextAsync();
        using var streamed = await door.Fake.Runtime.StreamAsync(next.RequestId, next.InvocationId, async body =>
        {
            await body.WriteAsync("""{"statusCode":"many"}"""u8.ToArray());
            await body.WriteAsync(new byte[8]);
        }, FunctionUrlStreamRelay.PreludeContentType);

        using var bad = await response;

        Assert.Equal(HttpStatusCode.BadGateway, bad.StatusCode);
        Assert.Contains(door.Lines, l => l.Contains("502, not a valid streamed Function URL response: its prelude is not valid: statusCode is not a number"));
    }

    /// <summary>A front door on a function whose runtime the test plays.</summary>
    private sealed class Door : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public FakeFunction Fake { get; private set; } = null!;
        public HttpFrontDoorServer Server { get; private set; } = null!;
        public HttpClient Http { get; private set; } = null!;
        public IReadOnlyList<string> Lines => _lines.ToArray();

        public static async Task<Door> StartAsync(FrontDoorEventFormat format, TimeSpan? timeout = null, TimeProvider? time = null)
        {
            var door = new Door { Fake = await FakeFunction.StartAsync(timeout, time: time) };
            door.Server = await HttpFrontDoorServer.StartAsync(door.Fake.Function, format, 0, (line, _) => door._lines.Enqueue(line));
            door.Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{door.Server.Port}"), Timeout = FakeRuntime.Patience };
            return door;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Server.DisposeAsync();
            await Fake.DisposeAsync();
        }
    }
}
