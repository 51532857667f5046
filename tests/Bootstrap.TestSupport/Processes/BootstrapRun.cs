namespace Bootstrap.TestSupport.Processes;

/// <summary>Starts a bootstrap as Lambda does, pointed at a Runtime API the test runs, in an environment with no other AWS settings.</summary>
public static class BootstrapRun
{
    public static ChildProcess Start(string binary, string runtimeApi, string handler, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "test-function",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            variables[name] = value;
        return ChildProcess.Start(binary, environment: variables,
            removeVariables: name => name.StartsWith("AWS_", StringComparison.Ordinal) || name.StartsWith('_'));
    }
}
