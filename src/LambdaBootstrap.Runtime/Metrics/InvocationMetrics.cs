namespace LambdaBootstrap.Runtime.Metrics;

/// <summary>
/// The CloudWatch metrics of one invocation (<see cref="ILambdaContext.Metrics"/>), written at its end as embedded
/// metric format (EMF) lines on the function's log, which CloudWatch turns into metrics with no API call. Values
/// added under one name are one metric with several values. Nothing is written for an invocation that added no
/// metric, unless <see cref="FlushWhenEmpty"/>. Not safe from several threads at once.
/// </summary>
public sealed class InvocationMetrics
{
    private readonly Stream _output;
    private readonly List<EmfDocument.Metric> _metrics = [];
    private readonly List<KeyValuePair<string, string>> _dimensions = [];
    private readonly List<KeyValuePair<string, string>> _metadata = [];

    /// <summary>Metrics written to <paramref name="output"/>, one write per EMF line: for tests, or to send them elsewhere.</summary>
    /// <param name="output">Where the EMF lines go.</param>
    public InvocationMetrics(Stream output)
    {
        _output = output;
        Namespace = MetricsDefaults.Namespace;
        Service = MetricsDefaults.Service;
    }

    /// <summary>The CloudWatch namespace; <see cref="MetricsDefaults.Namespace"/> until set.</summary>
    public string? Namespace { get; set; }

    /// <summary>The <c>service</c> dimension; <see cref="MetricsDefaults.Service"/> until set, none when null.</summary>
    public string? Service { get; set; }

    /// <summary>Write a document (dimensions and metadata, no metrics) even when no metric was added.</summary>
    public bool FlushWhenEmpty { get; set; }

    /// <summary>Adds a value to the metric <paramref name="name"/>.</summary>
    /// <param name="name">The metric's name (1 to 255 characters).</param>
    /// <param name="value">A finite number.</param>
    /// <param name="unit">Its unit; the first value of a name sets the unit and resolution of that name.</param>
    /// <param name="resolution"><see cref="MetricResolution.High"/> for a one-second metric.</param>
    /// <exception cref="ArgumentException">The name is empty, too long or taken by a dimension; the value is not finite.</exception>
    /// <exception cref="InvalidOperationException">No namespace is set.</exception>
    public void Add(string name, double value, MetricUnit unit = MetricUnit.None, MetricResolution resolution = MetricResolution.Standard)
    {
        CheckName(name, nameof(name));
        if (!double.IsFinite(value))
            throw new ArgumentException("a metric's value is a finite number", nameof(value));
        if (string.IsNullOrEmpty(Namespace))
            throw new InvalidOperationException("metrics need a namespace: set POWERTOOLS_METRICS_NAMESPACE, MetricsDefaults.Namespace or Namespace");
        var metric = _metrics.Find(m => m.Name == name);
        if (metric is null)
        {
            CheckFree(name, metrics: false);
            _metrics.Add(metric = new EmfDocument.Metric(name, unit, resolution));
        }
        metric.Values.Add(value);
    }

    /// <summary>Adds a dimension to this invocation's metrics (after the default ones), or replaces its value.</summary>
    /// <param name="name">The dimension's name.</param>
    /// <param name="value">Its value.</param>
    /// <exception cref="ArgumentException">The name is empty or over 255 characters, or the value empty or over 1024.</exception>
    /// <exception cref="InvalidOperationException">The metrics would have more than 30 dimensions.</exception>
    public void AddDimension(string name, string value)
    {
        CheckName(name, nameof(name));
        EmfLimits.CheckDimension(name, value);
        int at = _dimensions.FindIndex(d => d.Key == name);
        if (at >= 0)
        {
            _dimensions[at] = new(name, value);
            return;
        }
        CheckFree(name, dimensions: false);
        if (Dimensions().Count >= EmfLimits.MaxDimensions)
            throw new InvalidOperationException($"a metric has at most {EmfLimits.MaxDimensions} dimensions");
        _dimensions.Add(new(name, value));
    }

    /// <summary>Adds a value to the EMF document that is not a metric: searchable in CloudWatch Logs, not graphed.</summary>
    /// <param name="key">The member's name.</param>
    /// <param name="value">Its value.</param>
    public void AddMetadata(string key, string value)
    {
        CheckName(key, nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        int at = _metadata.FindIndex(d => d.Key == key);
        if (at >= 0)
        {
            _metadata[at] = new(key, value);
            return;
        }
        CheckFree(key, metadata: false);
        _metadata.Add(new(key, value));
    }

    /// <summary>The invocation's end: <see cref="Flush"/>, whose failure is logged on the invocation's log, never thrown.</summary>
    internal void EndInvocation(LambdaContext invocation)
    {
        try
        {
            Flush();
        }
        catch (Exception e)
        {
            invocation.Log(Logging.LogLevel.Error, $"at the invocation's end: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Writes what was added so far and starts again empty; the invocation's end does it on its own.</summary>
    public void Flush()
    {
        if (string.IsNullOrEmpty(Namespace))
        {
            if (_metrics.Count > 0 || FlushWhenEmpty)
                throw new InvalidOperationException("metrics need a namespace: set POWERTOOLS_METRICS_NAMESPACE, MetricsDefaults.Namespace or Namespace");
            return;
        }
        EmfDocument.Write(_output, Namespace, Dimensions(), _metrics, _metadata, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), FlushWhenEmpty);
        _metrics.Clear();
        _metadata.Clear();
    }

    /// <summary>The service, the defaults, then this invocation's own: one dimension set, each name once.</summary>
    private List<KeyValuePair<string, string>> Dimensions()
    {
        var all = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(Service))
            all.Add(new("service", Service));
        foreach (var dimension in MetricsDefaults.Dimensions)
            Put(all, dimension);
        foreach (var dimension in _dimensions)
            Put(all, dimension);
        return all;

        static void Put(List<KeyValuePair<string, string>> all, KeyValuePair<string, string> dimension)
        {
            int at = all.FindIndex(d => d.Key == dimension.Key);
            if (at >= 0)
                all[at] = dimension;
            else
                all.Add(dimension);
        }
    }

    private static void CheckName(string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, parameter);
        if (name.Length > EmfLimits.MaxNameLength)
            throw new ArgumentException($"a name has at most {EmfLimits.MaxNameLength} characters", parameter);
        if (name == "_aws")
            throw new ArgumentException("_aws is EMF's own member", parameter);
    }

    // A member of the document is a metric, a dimension or metadata: never two of them.
    private void CheckFree(string name, bool metrics = true, bool dimensions = true, bool metadata = true)
    {
        if ((metrics && _metrics.Exists(m => m.Name == name))
            || (dimensions && (_dimensions.Exists(d => d.Key == name) || name == "service" || Array.Exists(MetricsDefaults.Dimensions, d => d.Key == name)))
            || (metadata && _metadata.Exists(d => d.Key == name)))
            throw new ArgumentException($"'{name}' is already a member of the metrics document", nameof(name));
    }
}
