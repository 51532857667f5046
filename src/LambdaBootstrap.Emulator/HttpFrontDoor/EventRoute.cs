using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// What an event says about the route a request took: API, stage, REST resource or HTTP API route key, path values,
/// stage variables, the authorizer's output and the domain name. One function behind <c>--http-event</c> gets the
/// catch-all route of its front door (<see cref="CatchAll"/>).
/// </summary>
/// <param name="Path">The path without the stage, percent-decoded.</param>
/// <param name="RawPath">The path as it arrived (with the stage when the URL carried it), still percent-encoded.</param>
/// <param name="DomainName">The domain the function sees, or null for the request's Host.</param>
internal sealed record EventRoute(
    string ApiId,
    string Stage,
    string Resource,
    string RouteKey,
    string Path,
    string RawPath,
    IReadOnlyDictionary<string, string>? PathParameters,
    IReadOnlyDictionary<string, string>? StageVariables,
    AuthorizerOutput? Authorizer,
    string? DomainName)
{
    public const string LocalApiId = "local";

    /// <summary>The route of one function alone behind a front door: REST's <c>/{proxy+}</c> on stage <c>prod</c>, payload 2.0's <c>$default</c>.</summary>
    public static EventRoute CatchAll(FrontDoorEventFormat format, HttpRequest request, string? functionUrlId = null, string region = "us-east-1")
    {
        string path = request.Path.Value ?? "/";
        string rawPath = RawPathOf(request);
        return format switch
        {
            FrontDoorEventFormat.ApiGatewayV1 => new(LocalApiId, "prod", "/{proxy+}", "", path, rawPath,
                new Dictionary<string, string> { ["proxy"] = path.TrimStart('/') }, null, null, null),
            FrontDoorEventFormat.FunctionUrl => new(functionUrlId ?? LocalApiId, "$default", "", "$default", path, rawPath, null, null, null,
                FunctionUrlDomain(functionUrlId ?? LocalApiId, region)),
            _ => new(LocalApiId, "$default", "", "$default", path, rawPath, null, null, null, null),
        };
    }

    /// <summary>A Function URL's domain, as its events carry it: <c>&lt;url-id&gt;.lambda-url.&lt;region&gt;.on.aws</c>.</summary>
    public static string FunctionUrlDomain(string urlId, string region) => $"{urlId}.lambda-url.{region}.on.aws";

    /// <summary>The request's path as the client sent it, before any decoding.</summary>
    public static string RawPathOf(HttpRequest request)
    {
        string? target = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
            return request.Path.Value ?? "/";
        int query = target.IndexOf('?');
        return query < 0 ? target : target[..query];
    }
}

/// <summary>What a Lambda authorizer let through: its principal (IAM policy answers) and its context.</summary>
/// <param name="Context">The authorizer's <c>context</c> object, or null.</param>
internal sealed record AuthorizerOutput(string? PrincipalId, JsonElement? Context);
