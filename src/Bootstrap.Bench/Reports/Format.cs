using System.Globalization;

namespace Bootstrap.Bench.Reports;

/// <summary>How figures are written in the report, the plots and the console: invariant culture, sensible precision.</summary>
public static class Format
{
    public static string Ms(double ms) => double.IsFinite(ms) ? ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms" : "–";

    public static string Us(double us) => double.IsFinite(us) ? us.ToString(us < 100 ? "0.0" : "0", CultureInfo.InvariantCulture) + " µs" : "–";

    public static string Ratio(double? ratio) => ratio is double r && double.IsFinite(r) ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    public static string Bytes(double bytes) =>
        bytes >= 1e6 ? (bytes / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " kB";

    public static string Percent(double? share) =>
        share is double s && double.IsFinite(s) ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>Bytes of the binary a cold-disk start read, and their share of the file: "0.742 MB (45%)".</summary>
    public static string Read(double? bytes, double? share) =>
        bytes is double b && double.IsFinite(b) ? $"{Bytes(b)} ({Percent(share)})" : "–";

    public static string Kb(double kb) => double.IsFinite(kb) ? kb.ToString("N0", CultureInfo.InvariantCulture) + " kB" : "–";

    public static string Count(double? value) => value is double v && double.IsFinite(v) ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
