namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// Log sampling (<c>POWERTOOLS_LOGGER_SAMPLE_RATE</c>): a fraction of invocations is logged at DEBUG whatever the
/// function's level. The choice hashes the request id (random by Lambda's making) instead of drawing a random number:
/// no random generator, no floating-point parser in a bootstrap that never samples.
/// </summary>
internal static class LogSampling
{
    public const int Whole = 1_000_000;

    /// <summary>The rate, from 0 to 1 with at most six decimals, in millionths; null when it is not such a number.</summary>
    public static int? ParsePerMillion(string text)
    {
        var span = text.AsSpan().Trim();
        int dot = span.IndexOf('.');
        var whole = dot < 0 ? span : span[..dot];
        var fraction = dot < 0 ? default : span[(dot + 1)..];
        if ((whole.IsEmpty && fraction.IsEmpty) || whole.Length > 1 || fraction.Length > 6
            || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9'))
            return null;
        int perMillion = whole.IsEmpty ? 0 : (whole[0] - '0') * Whole;
        int scale = Whole / 10;
        foreach (char digit in fraction)
        {
            perMillion += (digit - '0') * scale;
            scale /= 10;
        }
        return perMillion <= Whole ? perMillion : null;
    }

    /// <summary>Whether the invocation <paramref name="requestId"/> is one of the sampled ones.</summary>
    public static bool Chooses(string requestId, int perMillion)
    {
        if (perMillion <= 0)
            return false;
        // FNV-1a: every character counts, so ids that differ anywhere land apart.
        uint hash = 2166136261;
        foreach (char c in requestId)
            hash = (hash ^ c) * 16777619;
        return hash % Whole < (uint)perMillion;
    }
}
