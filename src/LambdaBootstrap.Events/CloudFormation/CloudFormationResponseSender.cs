using System.Net.Http;
using System.Text.Json;

namespace LambdaBootstrap.Events;

/// <summary>
/// Puts a custom resource's response to the request's pre-signed S3 URL. That URL is HTTPS, which the runtime's own
/// client does not speak, so this one helper uses <see cref="HttpClient"/>: a function that never calls it does not
/// carry it (the trimmer drops it).
/// </summary>
public static class CloudFormationResponseSender
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient());

    /// <summary>
    /// Sends <paramref name="response"/> to <see cref="CloudFormationCustomResourceRequest.ResponseURL"/> with a
    /// <c>PUT</c> and no <c>Content-Type</c> (the URL's signature covers an empty one), and throws unless S3 takes it.
    /// </summary>
    public static async Task SendAsync(CloudFormationCustomResourceRequest request, CloudFormationCustomResourceResponse response,
        HttpClient? client = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string url = request.ResponseURL ?? throw new ArgumentException("the request has no ResponseURL", nameof(request));
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(response, CloudFormationJson.Default.CloudFormationCustomResourceResponse);
        using var message = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(body) };
        using var reply = await (client ?? SharedClient.Value).SendAsync(message, cancellationToken).ConfigureAwait(false);
        reply.EnsureSuccessStatusCode();
    }
}
