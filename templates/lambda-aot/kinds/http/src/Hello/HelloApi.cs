using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;

namespace Hello;

/// <summary>The function's HTTP API: a plain method, so a unit test can call it with a request it builds.</summary>
public static class HelloApi
{
    private const string HelloPrefix = "/hello/";

    /// <summary><c>GET /hello/{name}</c> → 200 <c>{"message":"Hello, {name}!"}</c>; anything else → 404.</summary>
    public static HttpResponse Handle(HttpRequest request, ILambdaContext context)
    {
        // The HTTP API's route fills {name}; a request that reached the function another way still carries it in its path.
        string? name = request.PathParameters.TryGetValue("name", out string? parameter) ? parameter
            : request.Path.StartsWith(HelloPrefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(request.Path[HelloPrefix.Length..]) : null;
        if (request.Method != "GET" || string.IsNullOrEmpty(name) || name.Contains('/'))
            return HttpResponse.Json(404, new Reply("Not Found"), HelloJson.Default.Reply);

        context.Logger.LogInformation($"greeting {name}");
        return HttpResponse.Json(200, new Reply($"Hello, {name}!"), HelloJson.Default.Reply);
    }
}
