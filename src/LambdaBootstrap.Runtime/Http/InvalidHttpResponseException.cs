namespace LambdaBootstrap.Runtime.Http;

/// <summary>The Runtime API sent something that is not a valid HTTP/1.1 response, or stopped mid-way.</summary>
internal sealed class InvalidHttpResponseException(string message) : Exception(message);
