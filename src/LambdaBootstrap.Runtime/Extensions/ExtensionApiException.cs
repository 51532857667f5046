namespace LambdaBootstrap.Runtime.Extensions;

/// <summary>The Extensions API or the Telemetry API refused a request: its status and body say why.</summary>
public sealed class ExtensionApiException(int statusCode, string message) : Exception(message)
{
    /// <summary>The HTTP status the API answered with (400, 403, 500, ...).</summary>
    public int StatusCode { get; } = statusCode;
}
