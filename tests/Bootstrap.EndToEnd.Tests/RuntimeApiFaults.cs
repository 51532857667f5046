using Microsoft.AspNetCore.Http;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>Scripted misbehaviour of the Kestrel Runtime API, as <c>RuntimeApiOptions.Middleware</c>.</summary>
public static class RuntimeApiFaults
{
    /// <summary>Every request whose path ends with <paramref name="pathSuffix"/> gets a 500 with <paramref name="body"/>.</summary>
    public static Func<RequestDelegate, RequestDelegate> ServerErrorOn(string pathSuffix, string body) => Intercept.With(async context =>
    {
        if (!context.Request.Path.Value!.EndsWith(pathSuffix))
            return false;
        context.Response.StatusCode = 500;
        await context.Response.WriteAsync(body);
        return true;
    });
}
