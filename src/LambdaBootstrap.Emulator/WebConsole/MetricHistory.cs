using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Metrics;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>The EMF metric values the functions printed in this run, for the console's chart: the last <see cref="Capacity"/>.</summary>
internal sealed class MetricHistory
{
    public const int Capacity = 5000;

    private readonly Lock _lock = new();
    private readonly Queue<MetricView> _points = new();

    /// <summary>Keeps the values <paramref name="line"/> carries, if it is an EMF line, and gives them.</summary>
    public IReadOnlyList<MetricView> Add(string function, FunctionLogLine line)
    {
        var points = EmfLine.Parse(line.Text);
        if (points.Count == 0)
            return [];
        var views = points.Select(p => new MetricView(function, line.RequestId, p.Namespace, p.Name, p.Unit, p.Value, p.TimestampMs)).ToList();
        lock (_lock)
        {
            foreach (var view in views)
                _points.Enqueue(view);
            while (_points.Count > Capacity)
                _points.Dequeue();
        }
        return views;
    }

    public IReadOnlyList<MetricView> Snapshot()
    {
        lock (_lock)
            return _points.ToArray();
    }
}
