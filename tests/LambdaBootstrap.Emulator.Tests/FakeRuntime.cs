using System.Net;
using System.Text;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The test playing the runtime against a Runtime API: <c>/next</c>, buffered and streamed replies over HttpClient,
/// and streamed replies with trailers over a raw connection (HttpClient cannot send request trailers).
/// </summary>
public sealed class FakeRuntime : IDisposable
{
    public const string Prefix = "/2018-06-01/runtime/invocation/";
    public static readonly TimeSpan Patience = Bootstrap.TestSupport.Patience.Default;
    private readonly int _port;

    public FakeRuntime(string address)
    {
        _port = int.Parse(address.Split(':')[1]);
        Http = new HttpClient { BaseAddress = new Uri($"http://{address}"), Timeout = Patience };
    }

    public HttpClient Http { get; }

    /// <summary>One event from <c>/next</c>, with the ids the runtime must send back.</summary>
    public sealed record Event(string RequestId, string? InvocationId, string Body);

    public async Task<Event> NextAsync()
    {
        using var response = await Http.GetAsync(Prefix + "next");
        response.EnsureSuccessStatusCode();
        return new Event(
            response.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single(),
            response.Headers.TryGetValues("Lambda-Runtime-Invocation-Id", out var ids) ? ids.Single() : null,
            await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> RespondAsync(string requestId, string body, string? invocationId = null) =>
        Http.SendAsync(Request($"{requestId}/response", new StringContent(body), invocationId));

    public Task<HttpResponseMessage> ReportErrorAsync(string requestId, string errorType, string message, string? invocationId = null, string? xRayCause = null)
    {
        var content = new StringContent(ErrorJson(errorType, message), Encoding.UTF8, "application/vnd.aws.lambda.error+json");
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        var request = Request($"{requestId}/error", content, invocationId);
        if (xRayCause is not null)
            request.Headers.Add("Lambda-Runtime-Function-XRay-Error-Cause", xRayCause);
        return Http.SendAsync(request);
    }

    /// <summary>A streamed response, its chunked body written (and flushed) by <paramref name="write"/> as it likes.</summary>
    public Task<HttpResponseMessage> StreamAsync(string requestId, string? invocationId, Func<Stream, Task> write, string contentType = "text/plain")
    {
        var content = new PushContent(write);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = Request($"{requestId}/response", content, invocationId);
        request.Headers.Add("Lambda-Runtime-Function-Response-Mode", "streaming");
        request.Headers.TransferEncodingChunked = true;
        return Http.SendAsync(request);
    }

    /// <summary>Opens a streamed response over a raw connection and sends its head; the test sends its chunks and trailers.</summary>
    public async Task<RawHttpConnection> OpenStreamAsync(string requestId, string? invocationId, string contentType = "text/plain")
    {
        var connection = await RawHttpConnection.OpenAsync(_port);
        var headers = new List<(string, string)>
        {
            ("Lambda-Runtime-Function-Response-Mode", "streaming"),
            ("Transfer-Encoding", "chunked"),
            ("Content-Type", contentType),
            ("Trailer", "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body"),
        };
        if (invocationId is not null)
            headers.Add(("Lambda-Runtime-Invocation-Id", invocationId));
        await connection.SendHeadAsync("POST", $"{Prefix}{requestId}/response", headers.ToArray());
        return connection;
    }

    /// <summary>The trailers a runtime ends a failed stream with: the error type, and the error JSON in base64.</summary>
    public static (string, string)[] ErrorTrailers(string errorType, string message) =>
    [
        ("Lambda-Runtime-Function-Error-Type", errorType),
        ("Lambda-Runtime-Function-Error-Body", Convert.ToBase64String(Encoding.UTF8.GetBytes(ErrorJson(errorType, message)))),
    ];

    public static string ErrorJson(string errorType, string message) =>
        $"{{\"errorMessage\":\"{message}\",\"errorType\":\"{errorType}\",\"stackTrace\":[]}}";

    private static HttpRequestMessage Request(string path, HttpContent content, string? invocationId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Prefix + path) { Content = content };
        if (invocationId is not null)
            request.Headers.Add("Lambda-Runtime-Invocation-Id", invocationId);
        return request;
    }

    public void Dispose() => Http.Dispose();

    /// <summary>A body of unknown length, so HttpClient sends it chunked, each flush going out at once.</summary>
    private sealed class PushContent(Func<Stream, Task> write) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => write(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
