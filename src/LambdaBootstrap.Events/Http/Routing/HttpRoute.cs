using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// One route of an <see cref="HttpRouter"/>: a method (null for any), a template and its handler. A synchronous handler
/// is called without async code, and an asynchronous one is a class of its own, compiled in only when one is mapped: a
/// function whose routes are all synchronous carries no async machinery.
/// </summary>
internal abstract class HttpRoute(string? method, RouteTemplate template)
{
    public string? Method { get; } = method;

    public RouteTemplate Template { get; } = template;

    public bool Serves(string requestMethod) => Method is null || Method == requestMethod;

    /// <summary>Calls the handler and writes its response, finished, for the front door (<c>LambdaHandler.Http</c>).</summary>
    public abstract ValueTask<ReadOnlyMemory<byte>> InvokeAndWrite(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, ReadOnlyMemory<byte>> write);

    /// <summary>Calls the handler and returns its response, finished (<see cref="HttpRouter.RouteAsync"/>).</summary>
    public abstract Task<HttpResponse> Invoke(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, HttpResponse> finish);
}

/// <summary>A route whose handler answers at once.</summary>
internal sealed class SyncHttpRoute(string? method, RouteTemplate template, Func<HttpRequest, ILambdaContext, HttpResponse> handler)
    : HttpRoute(method, template)
{
    public override ValueTask<ReadOnlyMemory<byte>> InvokeAndWrite(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, ReadOnlyMemory<byte>> write) =>
        new(write(request, handler(request, context)));

    public override Task<HttpResponse> Invoke(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, HttpResponse> finish) =>
        Task.FromResult(finish(request, handler(request, context)));
}

/// <summary>A route whose handler answers with a task.</summary>
internal sealed class AsyncHttpRoute(string? method, RouteTemplate template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler)
    : HttpRoute(method, template)
{
    public override async ValueTask<ReadOnlyMemory<byte>> InvokeAndWrite(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, ReadOnlyMemory<byte>> write) =>
        write(request, await handler(request, context).ConfigureAwait(false));

    public override async Task<HttpResponse> Invoke(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, HttpResponse> finish) =>
        finish(request, await handler(request, context).ConfigureAwait(false));
}
