using Bootstrap.Bench.Native;
using Bootstrap.Bench.Results;
using Bootstrap.Bench.RuntimeApi;

namespace Bootstrap.Bench;

/// <summary>
/// Runs one variant against the fake Runtime API: a cold start (optionally with the binary evicted from the page
/// cache, and then how much of it the start read; optionally with BOOTSTRAP_PROFILE=1), or one process serving M
/// warm invocations. Every wait is bounded; a variant that exits, stalls, reports an error or answers wrongly ends
/// the run with a <see cref="BenchException"/>.
/// </summary>
public sealed class VariantRunner : IDisposable
{
    private readonly Variant _variant;
    private readonly FakeRuntimeApi _api;
    private readonly TimeSpan _timeout;
    private readonly string _logPrefix;
    private readonly NativeStringArray _argv;
    private readonly NativeStringArray _environment;
    private readonly NativeStringArray _profileEnvironment;
    private readonly List<string> _environmentList;
    private long _invocations;

    public VariantRunner(Variant variant, FakeRuntimeApi api, TimeSpan timeout, string logDirectory)
    {
        _variant = variant;
        _api = api;
        _timeout = timeout;
        _logPrefix = Path.Combine(logDirectory, variant.Name);
        _argv = new NativeStringArray([variant.Path]);
        var environment = BenchDefaults.LambdaEnvironment(Path.GetDirectoryName(variant.Path)!)
            .Append($"AWS_LAMBDA_RUNTIME_API={api.Address}")
            .Concat(variant.Handler is null ? [] : [$"_HANDLER={variant.Handler}"])
            .Concat(variant.Environment)
            .ToList();
        _environmentList = environment;
        _environment = new NativeStringArray(environment);
        _profileEnvironment = new NativeStringArray([.. environment, $"{StartupProfileLine.Variable}=1"]);
    }

    public Variant Variant => _variant;

    /// <summary>One cold start, and with <paramref name="profile"/> its init phases (null if the variant writes no profile line).</summary>
    public (ColdStartSample Sample, StartupPhases? Phases) ColdStart(bool evict, bool profile)
    {
        double? resident = null;
        long residentBytes = 0;
        if (evict)
        {
            PageCache.Evict(_variant.Path);
            residentBytes = PageCache.ResidentBytes(_variant.Path);
            resident = (double)residentBytes / _variant.SizeBytes;
        }
        using var child = ChildProcess.Spawn(_variant.Path, _argv, profile ? _profileEnvironment : _environment, _logPrefix);
        try
        {
            using var connection = _api.Accept(child, _timeout);
            var next = ExpectNext(connection);
            string requestId = NewRequestId();
            connection.SendEvent(requestId, DeadlineMs(), _variant.Event);
            var response = ExpectResponse(connection, requestId);
            connection.SendAccepted();
            ExpectNext(connection);
            // Blocked on its second /next: the first invocation is wholly done, and the process still alive.
            var snapshot = child.Snapshot();
            long? bytesMapped = evict ? MappedBinary.RssBytes(child.Pid, _variant.Path) : null;
            child.Kill(_timeout);
            // What this start read of the binary: the pages it brought into the cache, readahead included.
            long? bytesRead = evict ? Math.Max(PageCache.ResidentBytesSettled(_variant.Path) - residentBytes, 0) : null;
            var phases = profile ? StartupProfileLine.Parse(child.ReadStderr(), child.SpawnedAtNs, next.ReceivedAtNs) : null;
            var sample = new ColdStartSample(
                MonotonicClock.Ms(next.ReceivedAtNs - child.SpawnedAtNs),
                MonotonicClock.Ms(response.ReceivedAtNs - child.SpawnedAtNs),
                snapshot.PeakRssKb, snapshot.MinorFaults, snapshot.MajorFaults, resident, bytesRead, bytesMapped);
            return (sample, phases);
        }
        catch (BenchException e)
        {
            throw Failure(e, child);
        }
        finally
        {
            _api.DropPending();
        }
    }

    /// <summary>
    /// Starts the process that serves the warm invocations and gives it its (cold) first one. The caller then
    /// calls <see cref="WarmSession.RoundTrip"/> M times, interleaved with the other variants' sessions.
    /// </summary>
    public WarmSession StartWarm(int invocations)
    {
        var child = ChildProcess.Spawn(_variant.Path, _argv, _environment, _logPrefix);
        try
        {
            var connection = _api.Accept(child, _timeout);
            var session = new WarmSession(this, child, connection, invocations);
            ExpectNext(connection);
            session.RoundTrip(record: false);
            return session;
        }
        catch (BenchException e)
        {
            var failure = Failure(e, child);
            child.Dispose();
            throw failure;
        }
    }

    /// <summary>
    /// Throughput of one process running <paramref name="concurrency"/> invocation loops (AWS_LAMBDA_MAX_CONCURRENCY):
    /// each of its connections is served by a thread of the bench's own, all at once, <paramref name="invocations"/> in all.
    /// </summary>
    public ThroughputResult Throughput(int concurrency, int invocations)
    {
        int each = invocations / concurrency;
        double seconds;
        using (var loops = StartLoops(concurrency))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            loops.RoundTrips(each);
            seconds = clock.Elapsed.TotalSeconds;
        }
        _api.DropPending();
        return new ThroughputResult(_variant.Name, concurrency, each * concurrency, Math.Round(seconds, 4), Math.Round(each * concurrency / seconds));
    }

    /// <summary>
    /// Starts one process with <paramref name="concurrency"/> invocation loops (AWS_LAMBDA_MAX_CONCURRENCY) and waits
    /// until each has connected and asked for its first invocation.
    /// </summary>
    public InvocationLoops StartLoops(int concurrency)
    {
        using var environment = new NativeStringArray([.. _environmentList, $"AWS_LAMBDA_MAX_CONCURRENCY={concurrency}"]);
        var child = ChildProcess.Spawn(_variant.Path, _argv, environment, _logPrefix);
        var connections = new List<RuntimeApiConnection>();
        try
        {
            for (int i = 0; i < concurrency; i++)
            {
                var connection = _api.Accept(child, _timeout);
                connections.Add(connection);
                ExpectNext(connection);
            }
            return new InvocationLoops(this, child, connections);
        }
        catch (BenchException e)
        {
            var failure = Failure(e, child);
            connections.ForEach(c => c.Dispose());
            child.Dispose();
            _api.DropPending();
            throw failure;
        }
    }

    /// <summary>One invocation on a live process: event out, response in, 202 back, and its next <c>/next</c> read.</summary>
    internal double RoundTrip(RuntimeApiConnection connection)
    {
        string requestId = NewRequestId();
        long sent = connection.SendEvent(requestId, DeadlineMs(), _variant.Event);
        var response = ExpectResponse(connection, requestId);
        double microseconds = (response.ReceivedAtNs - sent) / 1e3;
        connection.SendAccepted();
        ExpectNext(connection);
        return microseconds;
    }

    private RuntimeApiRequest ExpectNext(RuntimeApiConnection connection)
    {
        var request = connection.Receive();
        if (request.IsInitError)
        {
            connection.SendAccepted();
            throw new BenchException($"init failed: {request.BodyText()}");
        }
        if (!request.IsNext)
            throw new BenchException($"expected GET /next, got {request}");
        return request;
    }

    private RuntimeApiRequest ExpectResponse(RuntimeApiConnection connection, string requestId)
    {
        var request = connection.Receive();
        if (request.IsErrorFor(requestId))
            throw new BenchException($"the handler reported an error: {request.BodyText()}");
        if (!request.IsResponseFor(requestId))
            throw new BenchException($"expected POST …/{requestId}/response, got {request}");
        if (_variant.ExpectedResponse is { } expected && !request.Body.AsSpan().SequenceEqual(expected))
            throw new BenchException($"wrong response: expected {System.Text.Encoding.UTF8.GetString(expected)}, got {request.BodyText()}");
        return request;
    }

    internal BenchException Failure(BenchException e, ChildProcess child)
    {
        try
        {
            child.Kill(TimeSpan.FromSeconds(2));
        }
        catch (BenchException)
        {
        }
        string output = child.OutputTail();
        return new BenchException(
            $"variant '{_variant.Name}' ({_variant.Path}{(_variant.Handler is null ? "" : $", _HANDLER={_variant.Handler}")}) failed: {e.Message}" +
            (child.HasExited ? $"; the process {child.ExitDescription}" : "") +
            (output.Length > 0 ? $"\n--- its output ---\n{output}" : ""));
    }

    private string NewRequestId() => $"{Environment.ProcessId:x8}-0000-4000-8000-{Interlocked.Increment(ref _invocations):x12}";

    private static long DeadlineMs() => DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeMilliseconds();

    public void Dispose()
    {
        _argv.Dispose();
        _environment.Dispose();
        _profileEnvironment.Dispose();
    }
}
