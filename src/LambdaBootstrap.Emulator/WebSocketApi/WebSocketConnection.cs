using System.Net.WebSockets;
using System.Security.Cryptography;

namespace LambdaBootstrap.Emulator.WebSocketApi;

/// <summary>One client connected to a WebSocket API: its id, when it came, who it is, and a socket one sender uses at a time.</summary>
internal sealed class WebSocketConnection(string sourceIp, string userAgent, DateTimeOffset connectedAt)
{
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>An id shaped like API Gateway's (16 characters, base64 with <c>=</c>), URL-safe so it can sit in a path.</summary>
    public string Id { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(11)).Replace('+', '-').Replace('/', '_');
    /// <summary>The socket, once <c>$connect</c> has let the client in.</summary>
    public WebSocket Socket { get; set; } = null!;
    public string SourceIp => sourceIp;
    public string UserAgent => userAgent;
    public DateTimeOffset ConnectedAt { get; } = connectedAt;
    public DateTimeOffset LastActiveAt { get; set; } = connectedAt;

    /// <summary>Sends one message: text when it is UTF-8, else binary.</summary>
    public async Task SendAsync(byte[] data, CancellationToken cancel)
    {
        var type = IsUtf8(data) ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
        await _sending.WaitAsync(cancel);
        try
        {
            await Socket.SendAsync(data, type, endOfMessage: true, cancel);
        }
        finally
        {
            _sending.Release();
        }
    }

    private static bool IsUtf8(byte[] data)
    {
        try
        {
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(data);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }
}
