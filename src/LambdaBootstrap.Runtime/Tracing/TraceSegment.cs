using System.Buffers;

namespace LambdaBootstrap.Runtime.Tracing;

/// <summary>
/// An X-Ray subsegment of the invocation (<see cref="ILambdaContext.Trace"/>), or of another subsegment
/// (<see cref="Trace"/>): timed from its creation to <see cref="Dispose"/>, when it is sent to the X-Ray daemon as a
/// document of its own, under the segment Lambda made for the invocation. When the invocation is not sampled (or there
/// is no trace header, or no daemon), every call does nothing and nothing is sent. Use one from one thread at a time.
/// <code>using var segment = context.Trace("charge card");
/// segment.AddAnnotation("customer", id);</code>
/// </summary>
public sealed class TraceSegment : IDisposable
{
    /// <summary>The segment of an unsampled invocation: it records and sends nothing, and neither do its children.</summary>
    internal static readonly TraceSegment Unsampled = new(null, "", null, null);

    private readonly string? _traceId;
    private readonly string _name;
    private readonly string? _parentId;
    private readonly long _startTicks;
    private List<KeyValuePair<string, object>>? _annotations;
    private List<KeyValuePair<string, string>>? _metadata;
    private string? _cause;
    private string? _httpMethod, _httpUrl;
    private string? _awsOperation, _awsTableName, _awsRegion;
    private int _httpStatus;
    private long _httpContentLength = -1;
    private bool _fault, _ended;

    private TraceSegment(string? traceId, string name, string? parentId, string? id)
    {
        _traceId = traceId;
        _name = name;
        _parentId = parentId;
        Id = id;
        _startTicks = DateTime.UtcNow.Ticks;
    }

    /// <summary>A subsegment of the trace <paramref name="header"/> names, under its parent; inert unless sampled.</summary>
    internal static TraceSegment Open(TraceHeader? header, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (header is not { Sampled: true, Parent: not null } || !XRayDaemon.Shared.IsConfigured)
            return Unsampled;
        return new TraceSegment(header.Root, name, header.Parent, NewId());
    }

    /// <summary>
    /// A subsegment under the trace header <paramref name="traceHeader"/> (<c>Root=…;Parent=…;Sampled=1</c>), as
    /// <see cref="ILambdaContext.Trace"/> opens one: for a context of your own, such as a test's.
    /// </summary>
    /// <param name="traceHeader">The invocation's trace header, or null.</param>
    /// <param name="name">The subsegment's name.</param>
    public static TraceSegment ForHeader(string? traceHeader, string name) => Open(TraceHeader.Parse(traceHeader), name);

    /// <summary>Whether this segment is recorded and sent.</summary>
    public bool IsSampled => _traceId is not null;

    /// <summary>The subsegment's id (16 hex digits); null when it is not sampled.</summary>
    public string? Id { get; }

    /// <summary>A subsegment of this one, sent when it is disposed.</summary>
    /// <param name="name">Its name, as the trace shows it.</param>
    public TraceSegment Trace(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return _traceId is null ? Unsampled : new TraceSegment(_traceId, name, Id, NewId());
    }

    /// <summary>An annotation: indexed by X-Ray, for filter expressions (<c>annotation.customer = "42"</c>).</summary>
    /// <param name="key">Letters, digits and underscores.</param>
    /// <param name="value">The value.</param>
    public void AddAnnotation(string key, string value) => Annotate(key, value);

    /// <inheritdoc cref="AddAnnotation(string, string)"/>
    public void AddAnnotation(string key, long value) => Annotate(key, value);

    /// <inheritdoc cref="AddAnnotation(string, string)"/>
    public void AddAnnotation(string key, bool value) => Annotate(key, value);

    /// <summary>Metadata: shown with the segment, not indexed.</summary>
    /// <param name="key">The entry's name.</param>
    /// <param name="value">Its value.</param>
    public void AddMetadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (_traceId is not null)
            (_metadata ??= []).Add(new(key, value));
    }

    /// <summary>Records <paramref name="exception"/> as the segment's <c>cause</c>, and marks it a fault.</summary>
    /// <param name="exception">What went wrong.</param>
    public void AddException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (_traceId is null)
            return;
        _fault = true;
        _cause = XRayErrorCause.From(ErrorReport.FromException(exception), Environment.CurrentDirectory);
    }

    /// <summary>Makes this a call to a remote service over HTTP: X-Ray then draws it as a node of its own.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="url">The request's URL.</param>
    public void SetHttpRequest(string method, string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(url);
        _httpMethod = method;
        _httpUrl = url;
    }

    /// <summary>
    /// Makes this a call to an AWS service, as the AWS SDK's X-Ray instrumentation records one: <c>namespace</c>
    /// <c>aws</c> and an <c>aws</c> object with the operation, and the table and region when given. Name the segment
    /// after the service (<c>DynamoDB</c>) for the service map; <see cref="SetHttpResponse"/> adds the status.
    /// </summary>
    /// <param name="operation">The API action, such as <c>GetItem</c>.</param>
    /// <param name="tableName">The DynamoDB table, when the call is on one.</param>
    /// <param name="region">The service's region.</param>
    public void SetAwsRequest(string operation, string? tableName = null, string? region = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        if (_traceId is null)
            return;
        _awsOperation = operation;
        _awsTableName = tableName;
        _awsRegion = region;
    }

    /// <summary>The remote call's response: 4xx marks the segment an error (429 throttled too), 5xx a fault.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="contentLength">The body's length, when known.</param>
    public void SetHttpResponse(int status, long? contentLength = null)
    {
        _httpStatus = status;
        _httpContentLength = contentLength ?? -1;
    }

    /// <summary>Ends the segment and sends it; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_traceId is null || _ended)
            return;
        _ended = true;
        var document = new ArrayBufferWriter<byte>(512);
        SegmentDocument.Write(document, this, DateTime.UtcNow.Ticks);
        XRayDaemon.Shared.Send(document.WrittenSpan);
    }

    internal string TraceId => _traceId!;
    internal string Name => _name;
    internal string? ParentId => _parentId;
    internal long StartTicks => _startTicks;
    internal IReadOnlyList<KeyValuePair<string, object>>? Annotations => _annotations;
    internal IReadOnlyList<KeyValuePair<string, string>>? Metadata => _metadata;
    internal string? Cause => _cause;
    internal bool Fault => _fault || _httpStatus >= 500;
    internal bool Error => _httpStatus is >= 400 and < 500;
    internal bool Throttle => _httpStatus == 429;
    internal string? HttpMethod => _httpMethod;
    internal string? HttpUrl => _httpUrl;
    internal int HttpStatus => _httpStatus;
    internal string? AwsOperation => _awsOperation;
    internal string? AwsTableName => _awsTableName;
    internal string? AwsRegion => _awsRegion;
    internal long HttpContentLength => _httpContentLength;

    private void Annotate(string key, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.AsSpan().ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"))
            throw new ArgumentException("an annotation's key has only letters, digits and underscores", nameof(key));
        if (_traceId is not null)
            (_annotations ??= []).Add(new(key, value));
    }

    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[8];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
