namespace Bootstrap.Bench.Results;

/// <summary>One performance bar checked in this run: the measured value against its limit (a ratio to the floor, bytes, or kB).</summary>
public sealed record BarResult(string Name, double Value, double Limit, string Unit, bool Pass, string Detail);
