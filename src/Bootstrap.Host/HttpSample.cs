using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;

namespace Bootstrap.Host;

/// <summary>
/// http: one handler behind every HTTP front door (API Gateway REST and HTTP APIs, Function URLs, ALB).
/// <c>GET /hello/{name}</c> greets (<c>?greeting=X</c> changes the greeting), <c>POST /echo</c> returns the body byte for
/// byte, <c>GET /cookies</c> sets two cookies and says which it received, anything else is 404.
/// </summary>
public static class HttpSample
{
    public static HttpResponse Handle(HttpRequest request, ILambdaContext context)
    {
        if (request.Method == "GET" && HelloName(request) is string name)
        {
            string greeting = request.Query["greeting"] ?? "Hello";
            return HttpResponse.Json(200, new MessageResponse($"{greeting}, {name}!"), HttpSampleJson.Default.MessageResponse);
        }
        if (request.Method == "POST" && request.Path == "/echo")
            return HttpResponse.Bytes(200, request.Body, request.Headers["Content-Type"]).WithHeader("X-Echo-Method", "POST");
        if (request.Method == "GET" && request.Path == "/cookies")
        {
            return HttpResponse.Json(200, new CookiesResponse(request.Headers["Cookie"]), HttpSampleJson.Default.CookiesResponse)
                .WithCookie("a=1")
                .WithCookie("b=2");
        }
        return HttpResponse.Json(404, new MessageResponse("Not Found"), HttpSampleJson.Default.MessageResponse);
    }

    // The route's path parameter when API Gateway matched /hello/{name}; otherwise the path's own segment.
    private static string? HelloName(HttpRequest request)
    {
        if (!request.Path.StartsWith("/hello/", StringComparison.Ordinal))
            return null;
        if (request.PathParameters.TryGetValue("name", out var name))
            return name;
        // Path is already decoded once: decoding again would turn a name's own %20 into a space.
        string segment = request.Path["/hello/".Length..];
        return segment.Length == 0 || segment.Contains('/') ? null : segment;
    }
}

public sealed record MessageResponse(string Message);

public sealed record CookiesResponse(string? Received);
