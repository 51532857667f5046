using System.Collections.Concurrent;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace Bootstrap.TestSupport.Emulator;

/// <summary>
/// Records every request a Runtime API server receives, as middleware around it (<see cref="Middleware"/>). Each request
/// is among <see cref="Requests"/> before its answer is sent, and a reply, as accepted, before its invocation's
/// outcome completes: whoever awaits the answer or the outcome can read the request at once.
/// </summary>
internal sealed class RequestRecorder
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    /// <summary>The middleware for <c>RuntimeApiOptions.Middleware</c>: records around the server's own handling.</summary>
    public RequestDelegate Middleware(RequestDelegate next) => Wrap(next);

    /// <summary>Records around <paramref name="inner"/> (a fault injector, say) and the server's own handling.</summary>
    public Func<RequestDelegate, RequestDelegate> Around(Func<RequestDelegate, RequestDelegate> inner) => next => Wrap(inner(next));

    private RequestDelegate Wrap(RequestDelegate handler) => async context =>
    {
        byte[] body = await BufferBodyAsync(context);
        context.Response.OnStarting(() =>
        {
            Record(context, body);
            return Task.CompletedTask;
        });
        context.Features.Set<IReplyAcceptedFeature>(new OnAccepted(() => Record(context, body)));
        try
        {
            await handler(context);
        }
        finally
        {
            // A request never answered, at its end.
            Record(context, body);
        }
    };

    /// <summary>
    /// Reads the body the server would read whole (a streamed response is read as it arrives, and recorded from the
    /// server's recording of it) and hands the server a copy.
    /// </summary>
    private static async Task<byte[]> BufferBodyAsync(HttpContext context)
    {
        var request = context.Request;
        var route = RuntimeApiRoute.Parse(request.Method, request.Path.Value ?? "");
        if (!HttpMethods.IsPost(request.Method) || route.Endpoint == RuntimeApiEndpoint.Response && StreamedReply.IsStreamed(request))
            return [];
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        byte[] body = buffer.ToArray();
        request.Body = new MemoryStream(body, writable: false);
        return body;
    }

    /// <summary>Keeps the request once, at whichever of its recording points comes first.</summary>
    private void Record(HttpContext context, byte[] body)
    {
        if (context.Items.TryAdd(typeof(RecordedRequest), null))
            _requests.Enqueue(RecordedRequest.Of(context, body));
    }

    private sealed class OnAccepted(Action accepted) : IReplyAcceptedFeature
    {
        public void Accepted() => accepted();
    }
}
