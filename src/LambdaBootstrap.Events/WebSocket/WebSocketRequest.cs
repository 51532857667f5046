using System.Text;
using LambdaBootstrap.Events.Http;

namespace LambdaBootstrap.Events.WebSocket;

/// <summary>
/// A WebSocket API event: a client connecting (<c>$connect</c>), sending a message (<c>$default</c> or a custom
/// route), or gone (<c>$disconnect</c>). Reply to a client through the API Gateway Management API at
/// <see cref="ManagementEndpoint"/> with its <see cref="ConnectionId"/>.
/// </summary>
public sealed class WebSocketRequest
{
    /// <summary>The connection the event is about.</summary>
    public string ConnectionId { get; init; } = "";

    /// <summary>The route the route selection expression chose: <c>$connect</c>, <c>$disconnect</c>, <c>$default</c> or a custom one.</summary>
    public string RouteKey { get; init; } = "";

    /// <summary><c>CONNECT</c>, <c>MESSAGE</c> or <c>DISCONNECT</c>.</summary>
    public string EventType { get; init; } = "";

    /// <summary>The message's bytes, base64-decoded when it was a binary frame; empty for <c>$connect</c> and <c>$disconnect</c>.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The message as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary><c>$connect</c>: the handshake's headers (names compared case-insensitively).</summary>
    public MultiValueMap Headers { get; init; } = new(ignoreCase: true);

    /// <summary><c>$connect</c>: the handshake URL's query parameters.</summary>
    public MultiValueMap Query { get; init; } = new(ignoreCase: false);

    /// <summary>The API's stage.</summary>
    public string? Stage { get; init; }

    /// <summary>The API's domain name.</summary>
    public string? DomainName { get; init; }

    /// <summary>API Gateway's request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>The client's IP address.</summary>
    public string? SourceIp { get; init; }

    /// <summary>When the event happened; null where the event does not say.</summary>
    public DateTimeOffset? RequestTime { get; init; }

    /// <summary>What the <c>$connect</c> authorizer returned as context (on every route of the connection); null without one.</summary>
    public HttpAuthorizer? Authorizer => _authorizer ??= HttpAuthorizerReader.Read(AuthorizerJson, null);

    /// <summary>
    /// The API Gateway Management API's endpoint for this API and stage (<c>https://{domain}/{stage}</c>), where a
    /// function posts to <c>@connections/{id}</c>; null when the event lacks the domain or stage.
    /// </summary>
    public Uri? ManagementEndpoint => DomainName is { } domain && Stage is { } stage ? new Uri($"https://{domain}/{stage}") : null;

    /// <summary>The event exactly as Lambda delivered it; valid during the invocation.</summary>
    public ReadOnlyMemory<byte> RawEvent { get; init; }

    internal ReadOnlyMemory<byte> AuthorizerJson { get; init; }

    private HttpAuthorizer? _authorizer;
}
