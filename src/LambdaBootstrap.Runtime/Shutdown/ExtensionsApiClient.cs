using System.Text;
using LambdaBootstrap.Runtime.Http;

namespace LambdaBootstrap.Runtime.Shutdown;

/// <summary>
/// Registers the runtime as an internal Lambda extension with no events, then leaves one
/// <c>GET /extension/event/next</c> waiting. Lambda sends SIGTERM before shutdown only to an environment
/// with a registered extension: this is what makes shutdown hooks run.
/// </summary>
internal sealed class ExtensionsApiClient(RuntimeApiEndpoint endpoint, string userAgent, TimeSpan connectBudget) : IDisposable
{
    public const string ExtensionName = "bootstrap-shutdown-hooks";

    private static ReadOnlySpan<byte> RegisterPath => "/2020-01-01/extension/register"u8;
    private static ReadOnlySpan<byte> NextEventPath => "/2020-01-01/extension/event/next"u8;

    private readonly HttpConnection _register = new(endpoint, userAgent, connectBudget);
    private readonly HttpConnection _waiting = new(endpoint, userAgent, connectBudget);

    /// <summary>Registers and parks the event request. Throws <see cref="RuntimeApiException"/> if Lambda refuses.</summary>
    public void RegisterAndWait()
    {
        _register.Request.Start("POST"u8, RegisterPath)
            .Header("Lambda-Extension-Name"u8, ExtensionName)
            .Header("Content-Type"u8, "application/json"u8)
            .EndHead(13);
        var identifier = new ExtensionIdentifier();
        var head = _register.Exchange("{\"events\":[]}"u8, identifier);
        var answer = _register.ReadBody(head);
        if (head.StatusCode != 200 || identifier.Value is null)
            throw new RuntimeApiException($"extension registration answered {head.StatusCode}{(identifier.Value is null ? " without a Lambda-Extension-Identifier" : "")}: {Encoding.UTF8.GetString(answer.Span)}");
        _register.Dispose();

        // Never read: the request only has to be waiting when Lambda decides to shut down.
        _waiting.Request.Start("GET"u8, NextEventPath).Header("Lambda-Extension-Identifier"u8, identifier.Value).EndHead(null);
        _waiting.SendWithoutReading();
    }

    public void Dispose()
    {
        _register.Dispose();
        _waiting.Dispose();
    }

    private sealed class ExtensionIdentifier : IHttpHeaderSink
    {
        public string? Value;

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, "Lambda-Extension-Identifier"u8) && !value.IsEmpty)
                Value = Encoding.UTF8.GetString(value);
        }
    }
}
