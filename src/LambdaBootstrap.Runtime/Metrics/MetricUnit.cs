namespace LambdaBootstrap.Runtime.Metrics;

/// <summary>The units CloudWatch accepts for a metric; each is written as CloudWatch names it (<c>Bytes/Second</c>).</summary>
public enum MetricUnit
{
    /// <summary>No unit (<c>None</c>).</summary>
    None,
    /// <summary><c>Count</c>.</summary>
    Count,
    /// <summary><c>Percent</c>.</summary>
    Percent,
    /// <summary><c>Seconds</c>.</summary>
    Seconds,
    /// <summary><c>Milliseconds</c>.</summary>
    Milliseconds,
    /// <summary><c>Microseconds</c>.</summary>
    Microseconds,
    /// <summary><c>Bytes</c>.</summary>
    Bytes,
    /// <summary><c>Kilobytes</c>.</summary>
    Kilobytes,
    /// <summary><c>Megabytes</c>.</summary>
    Megabytes,
    /// <summary><c>Gigabytes</c>.</summary>
    Gigabytes,
    /// <summary><c>Terabytes</c>.</summary>
    Terabytes,
    /// <summary><c>Bits</c>.</summary>
    Bits,
    /// <summary><c>Kilobits</c>.</summary>
    Kilobits,
    /// <summary><c>Megabits</c>.</summary>
    Megabits,
    /// <summary><c>Gigabits</c>.</summary>
    Gigabits,
    /// <summary><c>Terabits</c>.</summary>
    Terabits,
    /// <summary><c>Count/Second</c>.</summary>
    CountPerSecond,
    /// <summary><c>Bytes/Second</c>.</summary>
    BytesPerSecond,
    /// <summary><c>Kilobytes/Second</c>.</summary>
    KilobytesPerSecond,
    /// <summary><c>Megabytes/Second</c>.</summary>
    MegabytesPerSecond,
    /// <summary><c>Gigabytes/Second</c>.</summary>
    GigabytesPerSecond,
    /// <summary><c>Terabytes/Second</c>.</summary>
    TerabytesPerSecond,
    /// <summary><c>Bits/Second</c>.</summary>
    BitsPerSecond,
    /// <summary><c>Kilobits/Second</c>.</summary>
    KilobitsPerSecond,
    /// <summary><c>Megabits/Second</c>.</summary>
    MegabitsPerSecond,
    /// <summary><c>Gigabits/Second</c>.</summary>
    GigabitsPerSecond,
    /// <summary><c>Terabits/Second</c>.</summary>
    TerabitsPerSecond,
}

internal static class MetricUnitNames
{
    // A switch, not Enum.ToString: enum names would bring the reflection stack into the bootstrap.
    public static string Of(MetricUnit unit) => unit switch
    {
        MetricUnit.Count => "Count",
        MetricUnit.Percent => "Percent",
        MetricUnit.Seconds => "Seconds",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Microseconds => "Microseconds",
        MetricUnit.Bytes => "Bytes",
        MetricUnit.Kilobytes => "Kilobytes",
        MetricUnit.Megabytes => "Megabytes",
        MetricUnit.Gigabytes => "Gigabytes",
        MetricUnit.Terabytes => "Terabytes",
        MetricUnit.Bits => "Bits",
        MetricUnit.Kilobits => "Kilobits",
        MetricUnit.Megabits => "Megabits",
        MetricUnit.Gigabits => "Gigabits",
        MetricUnit.Terabits => "Terabits",
        MetricUnit.CountPerSecond => "Count/Second",
        MetricUnit.BytesPerSecond => "Bytes/Second",
        MetricUnit.KilobytesPerSecond => "Kilobytes/Second",
        MetricUnit.MegabytesPerSecond => "Megabytes/Second",
        MetricUnit.GigabytesPerSecond => "Gigabytes/Second",
        MetricUnit.TerabytesPerSecond => "Terabytes/Second",
        MetricUnit.BitsPerSecond => "Bits/Second",
        MetricUnit.KilobitsPerSecond => "Kilobits/Second",
        MetricUnit.MegabitsPerSecond => "Megabits/Second",
        MetricUnit.GigabitsPerSecond => "Gigabits/Second",
        MetricUnit.TerabitsPerSecond => "Terabits/Second",
        _ => "None",
    };
}
