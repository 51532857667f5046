namespace LambdaBootstrap.Events.Http;

/// <summary>
/// The CORS policy of an <see cref="HttpRouter"/> (<see cref="HttpRouter.UseCors"/>): it answers preflight
/// <c>OPTIONS</c> requests for its routes and adds <c>Access-Control-Allow-Origin</c> to their responses.
/// </summary>
public sealed class HttpCorsPolicy
{
    /// <summary>The origins allowed (<c>https://app.example.com</c>), or <c>*</c> for any.</summary>
    public IReadOnlyList<string> AllowOrigins { get; init; } = ["*"];

    /// <summary>The methods a preflight allows; empty: those of the routes on the path.</summary>
    public IReadOnlyList<string> AllowMethods { get; init; } = [];

    /// <summary>The request headers a preflight allows; empty: those the preflight asks for.</summary>
    public IReadOnlyList<string> AllowHeaders { get; init; } = [];

    /// <summary>The response headers the browser may show the page (<c>Access-Control-Expose-Headers</c>).</summary>
    public IReadOnlyList<string> ExposeHeaders { get; init; } = [];

    /// <summary>Whether the browser may send cookies and credentials; the origin is then echoed, never <c>*</c>.</summary>
    public bool AllowCredentials { get; init; }

    /// <summary>How long a browser may cache a preflight's answer; null leaves it to the browser.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>The <c>Access-Control-Allow-Origin</c> value for <paramref name="origin"/>, or null when it is not allowed.</summary>
    internal string? AllowedOrigin(string origin)
    {
        foreach (var allowed in AllowOrigins)
        {
            if (allowed == "*")
                return AllowCredentials ? origin : "*";
            if (string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase))
                return origin;
        }
        return null;
    }

    /// <summary>Adds the headers of an actual (not preflight) response.</summary>
    internal void AddResponseHeaders(HttpRequest request, HttpResponse response)
    {
        if (request.Headers["Origin"] is not { } origin || AllowedOrigin(origin) is not { } allowed)
            return;
        response.Headers["Access-Control-Allow-Origin"] = allowed;
        if (allowed != "*")
            response.Headers.Add("Vary", "Origin");
        if (AllowCredentials)
            response.Headers["Access-Control-Allow-Credentials"] = "true";
        if (ExposeHeaders.Count > 0)
            response.Headers["Access-Control-Expose-Headers"] = string.Join(", ", ExposeHeaders);
    }

    /// <summary>The answer to a preflight for a path whose routes allow <paramref name="routeMethods"/>.</summary>
    internal HttpResponse Preflight(HttpRequest request, IEnumerable<string> routeMethods)
    {
        var response = new HttpResponse(204);
        AddResponseHeaders(request, response);
        if (!response.Headers.Contains("Access-Control-Allow-Origin"))
            return response;
        response.Headers["Access-Control-Allow-Methods"] = string.Join(", ", AllowMethods.Count > 0 ? AllowMethods : routeMethods);
        if (AllowHeaders.Count > 0)
            response.Headers["Access-Control-Allow-Headers"] = string.Join(", ", AllowHeaders);
        else if (request.Headers["Access-Control-Request-Headers"] is { } asked)
            response.Headers["Access-Control-Allow-Headers"] = asked;
        if (MaxAge is { } maxAge)
            response.Headers["Access-Control-Max-Age"] = ((long)maxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response;
    }
}
