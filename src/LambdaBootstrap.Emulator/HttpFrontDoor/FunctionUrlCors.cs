using LambdaBootstrap.Emulator.Templates;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// A Function URL's CORS settings applied as Lambda applies them: a preflight <c>OPTIONS</c> is answered without
/// invoking the function, and a request from an allowed origin gets the allow and expose headers on its response.
/// </summary>
internal sealed class FunctionUrlCors(CorsDefinition cors)
{
    public bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count > 0 && request.Headers.AccessControlRequestMethod.Count > 0;

    public IReadOnlyList<(string, string)> PreflightHeaders(HttpRequest request)
    {
        var headers = new List<(string, string)>();
        if (AllowedOrigin(request) is not { } origin)
            return headers;
        headers.Add(("Access-Control-Allow-Origin", origin));
        if (cors.AllowMethods.Count > 0)
            headers.Add(("Access-Control-Allow-Methods", string.Join(',', cors.AllowMethods)));
        if (cors.AllowHeaders.Count > 0)
            headers.Add(("Access-Control-Allow-Headers", string.Join(',', cors.AllowHeaders)));
        if (cors.AllowCredentials)
            headers.Add(("Access-Control-Allow-Credentials", "true"));
        if (cors.MaxAge is { } maxAge)
            headers.Add(("Access-Control-Max-Age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return headers;
    }

    public IReadOnlyList<(string, string)> ResponseHeaders(HttpRequest request)
    {
        var headers = new List<(string, string)>();
        if (AllowedOrigin(request) is not { } origin)
            return headers;
        headers.Add(("Access-Control-Allow-Origin", origin));
        if (cors.ExposeHeaders.Count > 0)
            headers.Add(("Access-Control-Expose-Headers", string.Join(',', cors.ExposeHeaders)));
        if (cors.AllowCredentials)
            headers.Add(("Access-Control-Allow-Credentials", "true"));
        return headers;
    }

    /// <summary>The value of Access-Control-Allow-Origin for the request's origin, or null when it is not allowed.</summary>
    private string? AllowedOrigin(HttpRequest request)
    {
        string origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return null;
        if (cors.AllowOrigins.Contains("*"))
            return cors.AllowCredentials ? origin : "*";
        return cors.AllowOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase) ? origin : null;
    }
}
