namespace LambdaBootstrap.Runtime;

/// <summary>The function's own settings from Lambda's environment; the same for every invocation.</summary>
internal sealed record FunctionSettings(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName);
