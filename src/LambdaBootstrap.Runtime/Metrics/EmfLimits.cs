namespace LambdaBootstrap.Runtime.Metrics;

/// <summary>The limits of CloudWatch's embedded metric format that the writer keeps to.</summary>
internal static class EmfLimits
{
    /// <summary>Metric definitions in one document; more are split into further documents.</summary>
    public const int MaxMetricsPerDocument = 100;
    /// <summary>Values of one metric in one document; more are split into further documents.</summary>
    public const int MaxValuesPerMetric = 100;
    /// <summary>Dimensions in one dimension set.</summary>
    public const int MaxDimensions = 30;
    /// <summary>Characters of a namespace, a metric's name or a dimension's name.</summary>
    public const int MaxNameLength = 255;
}
