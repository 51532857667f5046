using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Templates;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// Every request to one function: <c>--http-port</c> with <c>--http-event</c>, or a template function's Function URL
/// (its own port, its URL id, its CORS settings).
/// </summary>
internal sealed class SingleFunctionRouting(LocalFunction function, FrontDoorEventFormat format, FunctionUrlDefinition? url = null) : IFrontDoorRouting
{
    private TimeProvider Time => function.Options.Api.TimeProvider;

    /// <summary>The Function URL's id, as in its domain name: the function's name, lower-cased, as a stand-in for the generated one.</summary>
    public string UrlId { get; } = new string(function.Options.Api.FunctionName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 0 } id ? id : "local";

    public Task<FrontDoorDispatch> DispatchAsync(HttpContext context, byte[] body, string requestId)
    {
        var cors = url?.Cors is { } settings ? new FunctionUrlCors(settings) : null;
        if (cors is not null && cors.IsPreflight(context.Request))
            return Task.FromResult(FrontDoorDispatch.Answer(200, "", cors.PreflightHeaders(context.Request)));
        var route = EventRoute.CatchAll(format, context.Request, UrlId, function.Options.Api.Region);
        byte[] payload = HttpEventBuilder.Build(format, context.Request, body, requestId, Time.GetUtcNow(), route);
        return Task.FromResult(FrontDoorDispatch.Invoke(function, format, payload, cors?.ResponseHeaders(context.Request)));
    }
}
