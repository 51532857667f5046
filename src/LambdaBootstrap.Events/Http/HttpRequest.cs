using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// An HTTP request, the same whichever front door sent it: API Gateway REST (1.0), HTTP API (2.0), a Function URL
/// or an ALB.
/// </summary>
/// <remarks>
/// The name is the HTTP model's, as in ASP.NET Core. In a file that also uses <c>Microsoft.AspNetCore.Http</c>, alias it:
/// <c>using LambdaHttpRequest = LambdaBootstrap.Events.Http.HttpRequest;</c>
/// </remarks>
public sealed class HttpRequest
{
    /// <summary>The front door the request came through.</summary>
    public HttpEventFormat Format { get; init; }

    /// <summary>The HTTP method, e.g. <c>GET</c>.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>
    /// The request's path without the API Gateway stage, percent-decoded once: <c>/items/a b</c>. The same behind
    /// every front door for the same client request (see <see cref="PathBase"/> and <see cref="RawPath"/>).
    /// </summary>
    public string Path { get; init; } = "/";

    /// <summary>
    /// The stage prefix the client's URL carried before <see cref="Path"/> (<c>/prod</c> on an <c>execute-api</c>
    /// domain with a named stage), or a REST API's base path mapping; empty otherwise.
    /// </summary>
    public string PathBase { get; init; } = "";

    /// <summary>
    /// The path exactly as the front door gave it, still percent-encoded, with the stage where the format puts it there:
    /// payload 2.0's <c>rawPath</c>, a REST API's <c>requestContext.path</c>, an ALB's <c>path</c>.
    /// </summary>
    public string RawPath { get; init; } = "/";

    /// <summary>
    /// The query string without the <c>?</c>: payload 2.0's <c>rawQueryString</c> and an ALB's query as they came; a REST
    /// API gives none, so it is rebuilt from the decoded parameters, percent-encoded.
    /// </summary>
    public string RawQueryString { get; init; } = "";

    /// <summary>The path parameters of the API Gateway route or resource; empty for Function URLs and ALBs.</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The values of the route's parameters, decoded: the router's match (<c>{id}</c> → <c>42</c>), or else API
    /// Gateway's <see cref="PathParameters"/>. Empty without a router.
    /// </summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; internal set; } = new Dictionary<string, string>();

    /// <summary>The template of the router's route that matched (<c>/items/{id:int}</c>); null without a router.</summary>
    public string? RouteTemplate { get; internal set; }

    /// <summary>The query parameters, decoded, every value of each.</summary>
    public MultiValueMap Query { get; init; } = new(ignoreCase: false);

    /// <summary>The headers, names compared case-insensitively, every value of each; <c>Cookie</c> included.</summary>
    public MultiValueMap Headers { get; init; } = new(ignoreCase: true);

    /// <summary>The request's cookies, <c>name=value</c> each.</summary>
    public IReadOnlyList<string> Cookies { get; init; } = [];

    /// <summary>The body's bytes, base64-decoded when the front door sent it encoded; empty when there is none.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>What the front door knows about the request beyond HTTP.</summary>
    public HttpRequestContext RequestContext { get; init; } = new();

    /// <summary>
    /// The event exactly as Lambda delivered it, for what the model does not carry; valid during the invocation. Read
    /// it into an event type with <see cref="ReadEvent{T}"/>.
    /// </summary>
    public ReadOnlyMemory<byte> RawEvent { get; init; }

    /// <summary>The raw event read into <typeparamref name="T"/> through its source-generated metadata.</summary>
    public T? ReadEvent<T>(JsonTypeInfo<T> type) => JsonSerializer.Deserialize(RawEvent.Span, type);

    /// <summary>
    /// The path after <see cref="PathBase"/>, still percent-encoded: what the router splits into segments. Null for a
    /// request built in code, which routes on <see cref="Path"/>.
    /// </summary>
    internal string? EncodedPath { get; init; }

    /// <summary>An ALB target group with multi-value headers on: its response must use them too.</summary>
    internal bool AlbMultiValue { get; init; }
}
