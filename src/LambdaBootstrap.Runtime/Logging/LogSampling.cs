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
        // Digit by digit: no number parser, no vectorized search, in a bootstrap that may never sample.
        int whole = 0, fraction = 0, wholeDigits = 0, fractionDigits = 0;
        bool dot = false;
        foreach (char c in text.AsSpan().Trim())
        {
            if (c == '.' && !dot)
                dot = true;
            else if (c is < '0' or > '9')
                return null;
            else if (!dot && ++wholeDigits == 1)
                whole = c - '0';
            else if (dot && ++fractionDigits <= 6)
                fraction = fraction * 10 + (c - '0');
            else
                return null;
        }
        if (wholeDigits + fractionDigits == 0)
            return null;
        for (int i = fractionDigits; i < 6; i++)
            fraction *= 10;
        int perMillion = whole * Whole + fraction;
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
