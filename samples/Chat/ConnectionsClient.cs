using System.Net;
using LambdaBootstrap.Events.WebSocket;

namespace Chat;

/// <summary>
/// Posts to a client through the WebSocket API's <c>@connections</c> endpoint (PostToConnection): a SigV4-signed
/// <c>POST {endpoint}/@connections/{id}</c>. The AWS SDK for .NET's ApiGatewayManagementApi client would do the same;
/// this sample signs the one request itself (<see cref="SigV4"/>) and so needs no package beyond DynamoDB's.
/// </summary>
public sealed class ConnectionsClient(HttpClient http, SigV4.Credentials? credentials, string region)
{
    /// <summary>A client with Lambda's credentials and region from the environment (unsigned when there are none).</summary>
    public static ConnectionsClient FromEnvironment()
    {
        string? key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
        string? secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");
        var credentials = key is { Length: > 0 } && secret is { Length: > 0 }
            ? new SigV4.Credentials(key, secret, Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"))
            : null;
        return new ConnectionsClient(new HttpClient(), credentials, Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1");
    }

    /// <summary>
    /// The API's management endpoint, from the event (<c>https://{domainName}/{stage}</c>). A loopback domain is a
    /// local emulator, reached over plain HTTP.
    /// </summary>
    public static Uri EndpointOf(WebSocketRequest request)
    {
        var endpoint = request.ManagementEndpoint ?? throw new InvalidOperationException("the event has no requestContext.domainName and stage");
        return endpoint.IsLoopback || endpoint.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? new UriBuilder(endpoint) { Scheme = Uri.UriSchemeHttp, Port = endpoint.Port }.Uri
            : endpoint;
    }

    /// <summary>Sends <paramref name="data"/> to the connection; false when it is gone (410).</summary>
    public async Task<bool> PostAsync(Uri endpoint, string connectionId, byte[] data, CancellationToken cancel)
    {
        var uri = new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/@connections/{Uri.EscapeDataString(connectionId)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(data) };
        if (credentials is not null)
            SigV4.Sign(request, data, credentials, region, "execute-api", DateTimeOffset.UtcNow);
        using var response = await http.SendAsync(request, cancel);
        if (response.StatusCode == HttpStatusCode.Gone)
            return false;
        response.EnsureSuccessStatusCode();
        return true;
    }
}
