using System.Security.Cryptography;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>Fresh ids in the formats Lambda uses.</summary>
internal static class TraceIds
{
    /// <summary>
    /// An X-Ray trace header: <c>Root=1-{epoch seconds hex}-{96 random bits hex};Parent={64 bits hex};Sampled=1</c>:
    /// sampled, as for a function with active tracing, so the emulator records its trace (see XRay/).
    /// </summary>
    public static string NewTraceHeader(DateTimeOffset now)
    {
        string epoch = now.ToUnixTimeSeconds().ToString("x8");
        return $"Root=1-{epoch}-{Hex(12)};Parent={Hex(8)};Sampled=1";
    }

    public static string NewRequestId() => Guid.NewGuid().ToString();

    private static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
