using System.Globalization;

namespace LambdaBootstrap.Events;

/// <summary>Epoch timestamps as AWS sends them: milliseconds as text or numbers, seconds with fractions.</summary>
internal static class EpochTime
{
    public static DateTimeOffset? FromMillisecondsText(Dictionary<string, string>? values, string name) =>
        values is not null && values.TryGetValue(name, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    public static DateTimeOffset? FromMilliseconds(long? ms) => ms is long value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    public static DateTimeOffset? FromSeconds(double? seconds) =>
        seconds is double value ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(value * TimeSpan.TicksPerSecond)) : null;
}
