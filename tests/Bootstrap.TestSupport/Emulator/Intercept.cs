using Microsoft.AspNetCore.Http;

namespace Bootstrap.TestSupport.Emulator;

/// <summary>Fault injection for a Runtime API server: middleware that may answer a request before the server does.</summary>
internal static class Intercept
{
    /// <summary>
    /// Runs <paramref name="answer"/> before the server's handling; when it returns true it has answered the request
    /// itself and the server never sees it.
    /// </summary>
    public static Func<RequestDelegate, RequestDelegate> With(Func<HttpContext, Task<bool>> answer) => next => async context =>
    {
        if (!await answer(context))
            await next(context);
    };
}
