namespace LambdaBootstrap.Runtime.Metrics;

/// <summary>
/// What every invocation's <see cref="InvocationMetrics"/> starts with: the namespace and service (from
/// <c>POWERTOOLS_METRICS_NAMESPACE</c> and <c>POWERTOOLS_SERVICE_NAME</c> unless set here), the dimensions of every
/// metric, and whether the cold start is a metric. Set them once, in <c>Main</c> or a handler's factory.
/// </summary>
public static class MetricsDefaults
{
    private static readonly Lock s_lock = new();
    private static KeyValuePair<string, string>[] s_dimensions = [];
    private static bool s_captureColdStart;

    /// <summary>The CloudWatch namespace of the metrics; <c>POWERTOOLS_METRICS_NAMESPACE</c> until set.</summary>
    public static string? Namespace { get; set; } = Environment.GetEnvironmentVariable("POWERTOOLS_METRICS_NAMESPACE");

    /// <summary>The <c>service</c> dimension of every metric; <c>POWERTOOLS_SERVICE_NAME</c> until set, none when null.</summary>
    public static string? Service { get; set; } = Environment.GetEnvironmentVariable("POWERTOOLS_SERVICE_NAME");

    /// <summary>
    /// When true, the cold start's invocation emits a <c>ColdStart</c> metric (Count, 1) with the dimensions
    /// <c>function_name</c> and <c>service</c>, in a document of its own, whether or not the handler adds metrics.
    /// </summary>
    public static bool CaptureColdStart
    {
        get => s_captureColdStart;
        set
        {
            s_captureColdStart = value;
            if (value)
                InvocationObservers.Add(ColdStartMetric.Instance);
        }
    }

    /// <summary>Adds a dimension to the metrics of every later invocation, or replaces its value.</summary>
    /// <param name="name">The dimension's name.</param>
    /// <param name="value">Its value.</param>
    public static void AddDimension(string name, string value)
    {
        EmfLimits.CheckDimension(name, value);
        lock (s_lock)
        {
            var list = new List<KeyValuePair<string, string>>(s_dimensions);
            list.RemoveAll(pair => pair.Key == name);
            list.Add(new(name, value));
            if (list.Count > EmfLimits.MaxDimensions)
                throw new InvalidOperationException($"a metric has at most {EmfLimits.MaxDimensions} dimensions");
            s_dimensions = [.. list];
        }
    }

    /// <summary>Removes every default dimension.</summary>
    public static void ClearDimensions()
    {
        lock (s_lock)
            s_dimensions = [];
    }

    internal static KeyValuePair<string, string>[] Dimensions => Volatile.Read(ref s_dimensions);
}
