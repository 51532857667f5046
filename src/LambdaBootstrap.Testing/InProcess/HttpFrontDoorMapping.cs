using LambdaBootstrap.Emulator.HttpFrontDoor;
using LambdaBootstrap.Events.Http;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Testing;

/// <summary>
/// An HTTP request made into the event its front door sends, and the function's answer read back as that front door
/// reads it, by the emulator's own HTTP front door code: the in-process host and <c>lambda-emulator --http-port</c>
/// agree on every field.
/// </summary>
internal static class HttpFrontDoorMapping
{
    private const int PreludeSeparatorBytes = 8;

    public static async Task<byte[]> BuildEventAsync(HttpEventFormat format, HttpRequestMessage message, string requestId)
    {
        var uri = message.RequestUri is null ? new Uri("https://localhost/")
            : message.RequestUri.IsAbsoluteUri ? message.RequestUri : new Uri(new Uri("https://localhost/"), message.RequestUri);
        var request = new DefaultHttpContext().Request;
        request.Method = message.Method.Method;
        request.Scheme = uri.Scheme;
        request.Protocol = "HTTP/" + message.Version.ToString(2);
        request.Host = new HostString(uri.Authority);
        request.Path = PathString.FromUriComponent(uri);
        request.QueryString = QueryString.FromUriComponent(uri);
        foreach (var header in message.Headers)
            request.Headers.Append(header.Key, header.Value.ToArray());
        byte[] body = [];
        if (message.Content is { } content)
        {
            foreach (var header in content.Headers)
                request.Headers.Append(header.Key, header.Value.ToArray());
            body = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }
        return HttpEventBuilder.Build(Of(format), request, body, requestId, DateTimeOffset.UtcNow);
    }

    /// <summary>The response, or null with the reason (<paramref name="problem"/>) there is none.</summary>
    public static TestHttpResponse? ReadResponse(HttpEventFormat format, RuntimeApiReply reply, out string? problem)
    {
        problem = null;
        if (reply.ErrorType is not null)
        {
            problem = $"the invocation failed, so its front door answers 502: {reply.ErrorType}";
            return null;
        }
        if (!reply.Streamed)
            return From(HttpAnswer.Read(Of(format), reply.Response, out problem));
        if (reply.ContentType?.StartsWith(FunctionUrlStreamRelay.PreludeContentType, StringComparison.OrdinalIgnoreCase) != true)
            return new TestHttpResponse(200, [("Content-Type", reply.ContentType ?? "application/octet-stream")], reply.Response, null);
        int end = reply.Response.AsSpan().IndexOf(new byte[PreludeSeparatorBytes]);
        if (end < 0)
        {
            problem = "the streamed response has no end of its prelude (eight NUL bytes)";
            return null;
        }
        byte[] prelude = reply.Response[..end];
        if (HttpAnswer.Read(FrontDoorEventFormat.FunctionUrl, prelude, out problem) is not { } head)
        {
            problem = $"its prelude is not valid: {problem}";
            return null;
        }
        return new TestHttpResponse(head.StatusCode, head.Headers, reply.Response[(end + PreludeSeparatorBytes)..],
            System.Text.Encoding.UTF8.GetString(prelude));
    }

    private static TestHttpResponse? From(HttpAnswer? answer) =>
        answer is null ? null : new TestHttpResponse(answer.StatusCode, answer.Headers, answer.Body, null);

    private static FrontDoorEventFormat Of(HttpEventFormat format) => format switch
    {
        HttpEventFormat.ApiGatewayV1 => FrontDoorEventFormat.ApiGatewayV1,
        HttpEventFormat.ApiGatewayV2 => FrontDoorEventFormat.ApiGatewayV2,
        HttpEventFormat.FunctionUrl => FrontDoorEventFormat.FunctionUrl,
        HttpEventFormat.Alb => FrontDoorEventFormat.Alb,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an HTTP event format"),
    };
}
