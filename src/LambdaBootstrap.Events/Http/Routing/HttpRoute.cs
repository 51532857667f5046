using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// One route of an <see cref="HttpRouter"/>: a method (null for any), a template and its handler. A synchronous handler
/// is called without any async machinery, so a function whose routes are all synchronous carries none of it.
/// </summary>
internal abstract class HttpRoute(string? method, RouteTemplate template)
{
    public string? Method { get; } = method;

    public RouteTemplate Template { get; } = template;

    public bool Serves(string requestMethod) => Method is null || Method == requestMethod;

    /// <summary>Calls the handler, then <paramref name="finish"/> on its response.</summary>
    public abstract ValueTask<T> Invoke<T>(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, T> finish);
}

/// <summary>A route whose handler answers at once.</summary>
internal sealed class SyncHttpRoute(string? method, RouteTemplate template, Func<HttpRequest, ILambdaContext, HttpResponse> handler)
    : HttpRoute(method, template)
{
    public override ValueTask<T> Invoke<T>(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, T> finish) =>
        new(finish(request, handler(request, context)));
}

/// <summary>A route whose handler answers with a task.</summary>
internal sealed class AsyncHttpRoute(string? method, RouteTemplate template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler)
    : HttpRoute(method, template)
{
    public override async ValueTask<T> Invoke<T>(HttpRequest request, ILambdaContext context, Func<HttpRequest, HttpResponse, T> finish) =>
        finish(request, await handler(request, context).ConfigureAwait(false));
}
