namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// Powertools for AWS Lambda's logger fields on JSON log lines, beside Lambda's own: <c>function_name</c>,
/// <c>function_memory_size</c>, <c>function_version</c>, <c>function_arn</c>, <c>cold_start</c>, <c>service</c>
/// (<c>POWERTOOLS_SERVICE_NAME</c>), <c>sampling_rate</c>, and log sampling (<c>POWERTOOLS_LOGGER_SAMPLE_RATE</c>: a
/// fraction of invocations logged at DEBUG). Turned on from <c>Main</c>, before <see cref="LambdaRuntime.Run"/>; a
/// function that never calls <see cref="Enable"/> carries none of their code.
/// <code>PowertoolsLogging.Enable();
/// return LambdaRuntime.Run(handlers);</code>
/// </summary>
public static class PowertoolsLogging
{
    // Null until Enable: the fields' code is reached only through it, so the compiler leaves it out of a function
    // that never turns them on.
    private static Func<FunctionSettings, Func<string, string?>, List<string>, PowertoolsLogFields>? s_read;

    /// <summary>Writes the Powertools fields on the JSON lines of every later invocation, and samples as the environment says.</summary>
    public static void Enable() => s_read = PowertoolsLogFields.Read;

    /// <summary>The fields of <paramref name="function"/> and its environment, when turned on; null when not.</summary>
    internal static PowertoolsLogFields? Read(FunctionSettings function, Func<string, string?> variable, List<string> warnings) =>
        s_read?.Invoke(function, variable, warnings);
}
