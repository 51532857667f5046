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
    /// <summary>Characters of a dimension's value.</summary>
    public const int MaxDimensionValueLength = 1024;

    public static void CheckDimension(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (name.Length > MaxNameLength)
            throw new ArgumentException($"a dimension's name has at most {MaxNameLength} characters", nameof(name));
        if (value.Length > MaxDimensionValueLength)
            throw new ArgumentException($"a dimension's value has at most {MaxDimensionValueLength} characters", nameof(value));
    }
}
