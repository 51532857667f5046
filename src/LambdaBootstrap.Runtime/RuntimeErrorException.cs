namespace LambdaBootstrap.Runtime;

/// <summary>An error the runtime reports with a <c>Runtime.*</c> (or <c>Function.*</c>) type rather than an exception type name.</summary>
internal sealed class RuntimeErrorException(string errorType, string message, Exception? inner = null) : Exception(message, inner)
{
    public const string HandlerNotFound = "Runtime.HandlerNotFound";
    public const string SerializationError = "Runtime.SerializationError";
    public const string InitError = "Runtime.InitError";
    public const string ResponseSizeTooLarge = "Function.ResponseSizeTooLarge";

    public string ErrorType { get; } = errorType;
}
