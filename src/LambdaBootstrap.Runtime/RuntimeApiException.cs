namespace LambdaBootstrap.Runtime;

/// <summary>The Runtime API answered in a way that forbids going on (a 500, or a failed <c>/next</c>): the process must exit.</summary>
internal sealed class RuntimeApiException(string message) : Exception(message);
