using LambdaBootstrap.Runtime.Logging;
using LambdaBootstrap.Runtime.Metrics;
using LambdaBootstrap.Runtime.Tracing;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// One invocation's context. Created per invocation from the <c>/next</c> headers, so nothing of one
/// invocation can reach the next. Parsed values and the deadline token are made only when asked for. It is also what
/// the invocation adds to its log lines (its ids, ARN, cold start, sampling, appended keys): no object of its own.
/// </summary>
internal sealed class LambdaContext : ILambdaContext, ILambdaLogger, IDisposable
{
    private readonly FunctionSettings _function;
    private readonly LogWriter _log;
    private readonly string? _clientContextJson;
    private readonly string? _identityJson;
    private ClientContext? _clientContext;
    private CognitoIdentity? _identity;
    private bool _clientContextParsed, _identityParsed;
    private CancellationTokenSource? _deadlineSource;
    private InvocationMetrics? _metrics;
    private TraceHeader? _traceHeader;
    private bool _traceHeaderParsed;
    private LogKeys? _logKeys;

    public LambdaContext(InvocationHeaders headers, FunctionSettings function, LogWriter log, bool isColdStart = false, string? trigger = null)
    {
        _function = function;
        _log = log;
        AwsRequestId = headers.RequestId ?? throw new ArgumentException("no request id", nameof(headers));
        InvokedFunctionArn = headers.InvokedFunctionArn;
        Deadline = headers.DeadlineMs is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MaxValue;
        TraceId = headers.TraceId;
        TenantId = headers.TenantId;
        InvocationId = headers.InvocationId;
        _clientContextJson = headers.ClientContext;
        _identityJson = headers.CognitoIdentity;
        IsColdStart = isColdStart;
        Trigger = trigger;
        DebugSampled = log.Powertools?.SamplesInvocation(AwsRequestId) is true;
    }

    public string AwsRequestId { get; }
    public string? InvokedFunctionArn { get; }
    public string? TraceId { get; }

    /// <summary>The first invocation of the process.</summary>
    public bool IsColdStart { get; }

    /// <summary>Chosen by log sampling: this invocation logs at DEBUG whatever the function's level.</summary>
    public bool DebugSampled { get; }

    /// <summary>The keys its handler appended to its log lines; null until the first.</summary>
    public LogKeys? LogKeys => _logKeys;

    public FunctionSettings Function => _function;

    public LogWriter LogWriter => _log;

    /// <summary>The kind of event the handler serves, as OpenTelemetry's <c>faas.trigger</c> names it, when the handler says.</summary>
    public string? Trigger { get; }

    public InvocationMetrics Metrics
    {
        get
        {
            // Flushed by Dispose: InvocationMetrics is only made here, so a function that never asks carries none of it.
            return _metrics ??= new InvocationMetrics(new LogLineStream(_log));
        }
    }

    public DateTimeOffset Deadline { get; }
    public string? TenantId { get; }
    /// <summary>Lambda-Runtime-Invocation-Id, echoed back on this invocation's reply; null when absent.</summary>
    public string? InvocationId { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            if (Deadline == DateTimeOffset.MaxValue)
                return TimeSpan.MaxValue;
            var left = Deadline - DateTimeOffset.UtcNow;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public ClientContext? ClientContext => ParseOnce(ClientContext.Parse, _clientContextJson, ref _clientContext, ref _clientContextParsed, "Lambda-Runtime-Client-Context");
    public CognitoIdentity? Identity => ParseOnce(CognitoIdentity.Parse, _identityJson, ref _identity, ref _identityParsed, "Lambda-Runtime-Cognito-Identity");

    public string FunctionName => _function.FunctionName;
    public string FunctionVersion => _function.FunctionVersion;
    public int MemoryLimitInMB => _function.MemoryLimitInMB;
    public string LogGroupName => _function.LogGroupName;
    public string LogStreamName => _function.LogStreamName;

    public ILambdaLogger Logger => this;

    public CancellationToken CancellationToken
    {
        get
        {
            if (_deadlineSource is null)
            {
                _deadlineSource = new CancellationTokenSource();
                var left = RemainingTime;
                if (left == TimeSpan.Zero)
                    _deadlineSource.Cancel();
                else if (left < TimeSpan.FromDays(1))
                    _deadlineSource.CancelAfter(left);
            }
            return _deadlineSource.Token;
        }
    }

    void ILambdaLogger.Log(LogLevel level, string message) => _log.Write(level, message, this);

    void ILambdaLogger.Log(LogLevel level, string message, Exception exception)
    {
        // JSON lines carry the error as fields; a text line has it on the lines after the message.
        var error = ErrorReport.FromException(exception);
        if (_log.Format == LogFormat.Json)
            _log.Write(level, message, this, error);
        else
            _log.Write(level, LogWriter.TextWithError(message, error), this);
    }

    void ILambdaLogger.AppendKey(string key, string value) => (_logKeys ??= new LogKeys()).Append(key, value);

    /// <summary>A line of this invocation from the runtime itself, with the invocation's fields.</summary>
    internal void Log(LogLevel level, string message, ErrorReport? error = null) => _log.Write(level, message, this, error);

    /// <summary>Parses a JSON header on first use; a bad one is warned about once and stays null.</summary>
    private T? ParseOnce<T>(Func<string, T> parse, string? json, ref T? value, ref bool parsed, string header) where T : class
    {
        if (parsed || json is null)
            return value;
        parsed = true;
        try
        {
            value = parse(json);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            Log(LogLevel.Warning, $"ignoring {header}: {e.Message}");
        }
        return value;
    }

    public TraceSegment Trace(string name) => TraceSegment.Open(TraceHeader, name);

    /// <summary>The invocation's trace header, parsed on first use; null when absent or not valid.</summary>
    public TraceHeader? TraceHeader
    {
        get
        {
            if (!_traceHeaderParsed)
            {
                _traceHeader = Tracing.TraceHeader.Parse(TraceId);
                _traceHeaderParsed = true;
            }
            return _traceHeader;
        }
    }

    /// <summary>
    /// Ends the invocation: its metrics, if it made any, are written (a failure is logged, never thrown), and the
    /// deadline timer, if one was started, is released.
    /// </summary>
    public void Dispose()
    {
        _metrics?.EndInvocation(this);
        _deadlineSource?.Dispose();
    }
}
