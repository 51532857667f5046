using System.Text.Json;
using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator.XRay;

/// <summary>
/// <c>--traces FILE</c>: each recorded trace as one X-Ray segment document (the function segment with its
/// subsegments in it), one JSON document per line, written as each invocation ends. The file is started afresh.
/// </summary>
internal sealed class TraceFile : IDisposable
{
    private readonly Lock _lock = new();
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _writer;

    public TraceFile(string path)
    {
        try
        {
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorException($"--traces: cannot write {path}: {e.Message}");
        }
        _writer = new Utf8JsonWriter(_file);
    }

    /// <summary>Writes every trace <paramref name="traces"/> records from now on.</summary>
    public void Follow(FunctionTraces traces) => traces.Recorded += Write;

    public void Write(InvocationTrace trace)
    {
        lock (_lock)
        {
            trace.WriteTo(_writer);
            _writer.Flush();
            _writer.Reset();
            _file.WriteByte((byte)'\n');
            _file.Flush();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
            _file.Dispose();
        }
    }
}
