namespace LambdaBootstrap.Emulator.Templates;

/// <summary>A function of a template, as the emulator runs it.</summary>
/// <param name="LogicalId">The resource's logical id; the function is served by it.</param>
/// <param name="FunctionName">The FunctionName property, when it is a plain name; the function is served by it too.</param>
/// <param name="BootstrapPath">The bootstrap found in its code, or else in its layers.</param>
internal sealed record TemplateFunction(
    string LogicalId,
    string? FunctionName,
    string BootstrapPath,
    string? Handler,
    int MemoryMb,
    double TimeoutSeconds,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The executables of its layers' extensions/ folders, started beside it as Lambda starts /opt/extensions/*.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>The name it runs under (AWS_LAMBDA_FUNCTION_NAME, its ARN): FunctionName, or else the logical id.</summary>
    public string Name => FunctionName ?? LogicalId;

    /// <summary>Its EventInvokeConfig and dead-letter queue.</summary>
    public Async.EventInvokeConfig EventInvoke { get; init; } = Async.EventInvokeConfig.Default;
}
