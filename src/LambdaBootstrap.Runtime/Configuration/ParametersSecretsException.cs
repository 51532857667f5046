namespace LambdaBootstrap.Runtime.Configuration;

/// <summary>
/// A parameter or secret that could not be read through the Parameters and Secrets extension: not there
/// (<see cref="StatusCode"/> 400, <see cref="ErrorType"/> such as <c>ParameterNotFound</c> or
/// <c>ResourceNotFoundException</c>), refused (401), or the extension unreachable or misconfigured (0).
/// </summary>
public sealed class ParametersSecretsException : Exception
{
    /// <summary>Makes one for an answer of <paramref name="statusCode"/> (0 when there was none).</summary>
    internal ParametersSecretsException(int statusCode, string? errorType, string message) : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    /// <summary>The extension's HTTP status, or 0 when it gave none.</summary>
    public int StatusCode { get; }

    /// <summary>The service's error type, from <c>X-Amzn-ErrorType</c>, when the extension gave one.</summary>
    public string? ErrorType { get; }
}
