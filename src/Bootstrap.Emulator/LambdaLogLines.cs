using System.Globalization;

namespace Bootstrap.Emulator;

/// <summary>Lambda's platform log lines, tab-separated as CloudWatch shows them.</summary>
public static class LambdaLogLines
{
    public static string Start(string requestId, string version) => $"START RequestId: {requestId} Version: {version}";

    public static string End(string requestId) => $"END RequestId: {requestId}";

    public static string Report(InvokeResult result)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {result.RequestId}\tDuration: {result.DurationMs:0.00} ms\tBilled Duration: {result.BilledDurationMs} ms\tMemory Size: {result.MemorySizeMb} MB\tMax Memory Used: {result.MaxMemoryUsedMb?.ToString(CultureInfo.InvariantCulture) ?? "?"} MB");
        return result.InitDurationMs is double init
            ? line + string.Create(CultureInfo.InvariantCulture, $"\tInit Duration: {init:0.00} ms")
            : line;
    }
}
