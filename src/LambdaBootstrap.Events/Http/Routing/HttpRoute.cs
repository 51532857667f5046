using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.Http;

/// <summary>One route of an <see cref="HttpRouter"/>: a method (null for any), a template and its handler.</summary>
internal sealed record HttpRoute(string? Method, RouteTemplate Template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> Handler)
{
    public bool Serves(string method) => Method is null || Method == method;
}
