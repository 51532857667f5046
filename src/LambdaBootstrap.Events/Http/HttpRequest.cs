using System.Text;

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

    /// <summary>The request path, e.g. <c>/hello/Ada</c>, as the front door gives it.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The path parameters of the API Gateway route or resource; empty for Function URLs and ALBs.</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } = new Dictionary<string, string>();

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

    /// <summary>An ALB target group with multi-value headers on: its response must use them too.</summary>
    internal bool AlbMultiValue { get; init; }
}
