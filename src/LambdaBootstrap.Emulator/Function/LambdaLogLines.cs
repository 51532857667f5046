using System.Globalization;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>Lambda's platform log lines, tab-separated as CloudWatch shows them.</summary>
internal static class LambdaLogLines
{
    public static string Start(string requestId, string version) => $"START RequestId: {requestId} Version: {version}";

    public static string End(string requestId) => $"END RequestId: {requestId}";

    /// <summary>Debug output: the X-Ray error cause an error report carried, summarised, or why it is invalid.</summary>
    public static string XRayErrorCause(string requestId, string description) => $"XRAY-ERROR-CAUSE RequestId: {requestId} {description}";

    /// <summary>Debug output: how a streamed response arrived.</summary>
    public static string Streamed(string requestId, string contentType, int chunks, long bytes, double spanMs) =>
        string.Create(CultureInfo.InvariantCulture, $"STREAM RequestId: {requestId} {chunks} reads, {bytes} bytes of {contentType} over {spanMs:0.00} ms");

    /// <summary>
    /// Lambda reports the invoke phase's time after the runtime's answer as a metric, not in REPORT (whose Duration
    /// includes it): the emulator prints it on a line of its own.
    /// </summary>
    public static string PostRuntimeExtensions(string requestId, double durationMs) =>
        string.Create(CultureInfo.InvariantCulture, $"EXTENSIONS RequestId: {requestId}\tPostRuntimeExtensionsDuration: {durationMs:0.00} ms");

    public static string Report(InvokeResult result)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {result.RequestId}\tDuration: {result.DurationMs:0.00} ms\tBilled Duration: {result.BilledDurationMs} ms\tMemory Size: {result.MemorySizeMb} MB\tMax Memory Used: {result.MaxMemoryUsedMb?.ToString(CultureInfo.InvariantCulture) ?? "?"} MB");
        if (result.InitDurationMs is double init)
            line += string.Create(CultureInfo.InvariantCulture, $"\tInit Duration: {init:0.00} ms");
        // Not one of Lambda's fields: under an emulator the figures describe the emulator, not the function.
        return result.EmulatedBy is { } emulator ? line + $"\tEmulated: {emulator} (timings not representative)" : line;
    }
}
