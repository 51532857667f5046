using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// Routes HTTP requests to handlers by method and path template, the same behind every front door (it matches
/// <see cref="HttpRequest.Path"/>, without the stage). Serve it with <c>LambdaHandler.Http(router)</c>.
/// </summary>
/// <remarks>
/// <para>Templates: <c>/items</c>, <c>/items/{id}</c>, typed <c>/items/{id:int}</c> (<c>int</c>, <c>long</c>,
/// <c>guid</c>, <c>bool</c>, <c>alpha</c>), greedy <c>/files/{path+}</c> (one segment or more, as API Gateway's
/// <c>{proxy+}</c>) or <c>/{*rest}</c> (maybe none). The values are in <see cref="HttpRequest.RouteValues"/>, decoded.</para>
/// <para>The most specific route wins, whatever the order of registration: a literal segment before a typed
/// parameter, before a parameter, before a greedy one. Where API Gateway already matched a route (a REST API's
/// <c>resource</c>, an HTTP API's <c>routeKey</c>) that is one of the router's templates, its <c>pathParameters</c>
/// are used. No route for the path is a 404; routes for the path but not the method a 405 with <c>Allow</c>.
/// <c>HEAD</c> is served by the <c>GET</c> route, without the body.</para>
/// <para>Map the routes at start; the router is then read-only and safe to share between concurrent invocations.</para>
/// </remarks>
public sealed class HttpRouter
{
    private readonly List<HttpRoute> _routes = [];
    private HttpCorsPolicy? _cors;

    /// <summary>Adds a <c>GET</c> route.</summary>
    public HttpRouter MapGet(string template, Func<HttpRequest, ILambdaContext, HttpResponse> handler) => AddSync("GET", template, handler);

    /// <summary>Adds an asynchronous <c>GET</c> route.</summary>
    public HttpRouter MapGet(string template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler) => AddAsync("GET", template, handler);

    /// <summary>Adds a <c>POST</c> route.</summary>
    public HttpRouter MapPost(string template, Func<HttpRequest, ILambdaContext, HttpResponse> handler) => AddSync("POST", template, handler);

    /// <summary>Adds an asynchronous <c>POST</c> route.</summary>
    public HttpRouter MapPost(string template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler) => AddAsync("POST", template, handler);

    /// <summary>Adds a <c>PUT</c> route.</summary>
    public HttpRouter MapPut(string template, Func<HttpRequest, ILambdaContext, HttpResponse> handler) => AddSync("PUT", template, handler);

    /// <summary>Adds an asynchronous <c>PUT</c> route.</summary>
    public HttpRouter MapPut(string template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler) => AddAsync("PUT", template, handler);

    /// <summary>Adds a <c>DELETE</c> route.</summary>
    public HttpRouter MapDelete(string template, Func<HttpRequest, ILambdaContext, HttpResponse> handler) => AddSync("DELETE", template, handler);

    /// <summary>Adds an asynchronous <c>DELETE</c> route.</summary>
    public HttpRouter MapDelete(string template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler) => AddAsync("DELETE", template, handler);

    /// <summary>Adds a <c>PATCH</c> route.</summary>
    public HttpRouter MapPatch(string template, Func<HttpRequest, ILambdaContext, HttpResponse> handler) => AddSync("PATCH", template, handler);

    /// <summary>Adds an asynchronous <c>PATCH</c> route.</summary>
    public HttpRouter MapPatch(string template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler) => AddAsync("PATCH", template, handler);

    /// <summary>Adds a route for any method (API Gateway's <c>ANY</c>).</summary>
    public HttpRouter Map(string template, Func<HttpRequest, ILambdaContext, HttpResponse> handler) => AddSync(null, template, handler);

    /// <summary>Adds an asynchronous route for any method (API Gateway's <c>ANY</c>).</summary>
    public HttpRouter Map(string template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler) => AddAsync(null, template, handler);

    /// <summary>Adds a route for <paramref name="method"/> (<c>ANY</c> for any method).</summary>
    public HttpRouter Map(string method, string template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        string upper = method.ToUpperInvariant();
        return AddAsync(upper == "ANY" ? null : upper, template, handler);
    }

    /// <summary>
    /// Turns CORS on: preflight <c>OPTIONS</c> requests to a routed path get <c>204</c> with the policy's headers, and
    /// routed responses to an allowed origin get <c>Access-Control-Allow-Origin</c>.
    /// </summary>
    public HttpRouter UseCors(HttpCorsPolicy policy)
    {
        _cors = policy ?? throw new ArgumentNullException(nameof(policy));
        return this;
    }

    /// <summary>Routes <paramref name="request"/>: the matched route's response, a CORS preflight's, a 404 or a 405.</summary>
    public Task<HttpResponse> RouteAsync(HttpRequest request, ILambdaContext context)
    {
        var (route, answer, headByGet) = Match(request);
        return route is null
            ? Task.FromResult(answer!)
            : route.Invoke(request, context, (request, response) => Finish(request, response, headByGet));
    }

    /// <summary>Routes the request and writes the response for the front door it came from.</summary>
    internal ValueTask<ReadOnlyMemory<byte>> RouteAndWrite(HttpRequest request, ILambdaContext context)
    {
        var (route, answer, headByGet) = Match(request);
        return route is null
            ? new(HttpResponseWriter.Write(request, answer!))
            : route.InvokeAndWrite(request, context, (request, response) => HttpResponseWriter.Write(request, Finish(request, response, headByGet)));
    }

    /// <summary>The route for the request (its values set on it), or the router's own answer: a preflight's, 404, 405.</summary>
    private (HttpRoute? Route, HttpResponse? Answer, bool HeadByGet) Match(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string[] path = RouteTemplate.SplitPath(request.EncodedPath ?? request.Path);
        if (_cors is not null && IsPreflight(request))
        {
            var methods = MethodsFor(path);
            return (null, methods.Count == 0 ? NotFound() : _cors.Preflight(request, methods), false);
        }

        bool headByGet = false;
        var (route, values) = Select(request, path, request.Method);
        if (route is null && request.Method == "HEAD")
        {
            (route, values) = Select(request, path, "GET");
            headByGet = route is not null;
        }
        if (route is null)
        {
            var allowed = MethodsFor(path);
            var refused = allowed.Count == 0
                ? NotFound()
                : HttpResponse.Json(405, """{"message":"Method Not Allowed"}""").WithHeader("Allow", string.Join(", ", allowed));
            _cors?.AddResponseHeaders(request, refused);
            return (null, refused, false);
        }
        request.RouteValues = values!;
        request.RouteTemplate = route.Template.Text;
        return (route, null, headByGet);
    }

    private HttpResponse Finish(HttpRequest request, HttpResponse response, bool headByGet)
    {
        if (headByGet)
            response.Body = ReadOnlyMemory<byte>.Empty;
        _cors?.AddResponseHeaders(request, response);
        return response;
    }

    private HttpRouter AddSync(string? method, string template, Func<HttpRequest, ILambdaContext, HttpResponse> handler) =>
        Add(new SyncHttpRoute(method, RouteTemplate.Parse(template), handler ?? throw new ArgumentNullException(nameof(handler))));

    private HttpRouter AddAsync(string? method, string template, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler) =>
        Add(new AsyncHttpRoute(method, RouteTemplate.Parse(template), handler ?? throw new ArgumentNullException(nameof(handler))));

    private HttpRouter Add(HttpRoute route)
    {
        // Kept in order of specificity; equals keep the order they were added in.
        int at = _routes.FindIndex(r => route.Template.CompareSpecificity(r.Template) < 0);
        _routes.Insert(at < 0 ? _routes.Count : at, route);
        return this;
    }

    private (HttpRoute? Route, Dictionary<string, string>? Values) Select(HttpRequest request, string[] path, string method)
    {
        // API Gateway's own match, when it is one of ours: `GET /items/{id}`, `ANY /{proxy+}`, `$default` (none).
        if (request.RequestContext.RouteKey is { } routeKey && routeKey.IndexOf(' ') is int space and > 0)
        {
            string gatewayTemplate = routeKey[(space + 1)..];
            foreach (var route in _routes)
            {
                if (route.Serves(method) && route.Template.GatewayForm == gatewayTemplate
                    && route.Template.TryAccept(request.PathParameters, out var gatewayValues))
                    return (route, gatewayValues);
            }
        }
        foreach (var route in _routes)
        {
            if (route.Serves(method) && route.Template.TryMatch(path, out var values))
                return (route, values);
        }
        return (null, null);
    }

    /// <summary>The methods of the routes whose template matches the path, with HEAD where GET is (and OPTIONS with CORS).</summary>
    private List<string> MethodsFor(string[] path)
    {
        var methods = new List<string>();
        foreach (var route in _routes)
        {
            if (route.Template.TryMatch(path, out _) && route.Method is { } method && !methods.Contains(method))
                methods.Add(method);
        }
        if (methods.Contains("GET") && !methods.Contains("HEAD"))
            methods.Add("HEAD");
        if (_cors is not null && methods.Count > 0 && !methods.Contains("OPTIONS"))
            methods.Add("OPTIONS");
        return methods;
    }

    private static bool IsPreflight(HttpRequest request) =>
        request.Method == "OPTIONS" && request.Headers.Contains("Origin") && request.Headers.Contains("Access-Control-Request-Method");

    private static HttpResponse NotFound() => HttpResponse.Json(404, """{"message":"Not Found"}""");
}
