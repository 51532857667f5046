using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bootstrap.TestSupport.Emulator;

/// <summary>
/// A request the Runtime API received, as a <see cref="RequestRecorder"/> kept it. A streamed
/// response's body is what was kept of it, and its trailers (if any) are in <paramref name="Trailers"/>.
/// </summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int StatusCode,
    IReadOnlyDictionary<string, string>? Trailers = null)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Trailer(string name) => Trailers is not null && Trailers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The request as it was answered; <paramref name="body"/> unless it was streamed in.</summary>
    internal static RecordedRequest Of(HttpContext context, byte[] body)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
            headers[header.Key] = header.Value.ToString();
        if (context.Items[typeof(StreamedResponseRecording)] is StreamedResponseRecording streamed)
            body = streamed.ToArray();
        Dictionary<string, string>? trailers = null;
        if (context.Features.Get<IHttpRequestTrailersFeature>() is { Available: true } feature)
        {
            trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var trailer in feature.Trailers)
                trailers[trailer.Key] = trailer.Value.ToString();
        }
        return new RecordedRequest(request.Method, request.Path.Value ?? "", headers, body, context.Response.StatusCode, trailers);
    }
}
