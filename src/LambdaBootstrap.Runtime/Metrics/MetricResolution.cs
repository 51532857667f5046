namespace LambdaBootstrap.Runtime.Metrics;

/// <summary>How finely CloudWatch stores a metric.</summary>
public enum MetricResolution
{
    /// <summary>One-minute resolution (<c>StorageResolution</c> 60), CloudWatch's default.</summary>
    Standard,
    /// <summary>One-second resolution (<c>StorageResolution</c> 1): a high-resolution metric.</summary>
    High,
}
