namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>Which reply a runtime sent for an invocation.</summary>
internal enum ReplyKind
{
    /// <summary><c>/response</c>, buffered or streamed.</summary>
    Response,
    /// <summary><c>/error</c>.</summary>
    Error,
}

/// <summary>
/// What the Runtime API answers a reply: accepted (202, for <see cref="Invocation"/>), or refused with a status,
/// an error type and a message, sent as Lambda's error JSON.
/// </summary>
internal readonly record struct ReplyVerdict(Invocation? Invocation, int Status, string ErrorType, string Message)
{
    public bool Accepted => Status == 202;

    public string Body => InvocationOutcome.ErrorJson(ErrorType, Message);

    public static ReplyVerdict Accept(Invocation invocation) => new(invocation, 202, "", "");

    public static ReplyVerdict UnknownRequestId(string requestId) => new(null, 400, "InvalidRequestID", $"Invalid request ID: {requestId}");

    /// <summary>410: the reply is for an invocation that is no longer there to answer.</summary>
    public static ReplyVerdict Gone(string requestId, string why) => new(null, 410, "InvocationGone", $"Invocation {requestId} is gone: {why}");

    /// <summary>403: the invocation cannot take this reply in its state.</summary>
    public static ReplyVerdict InvalidState(string message) => new(null, 403, "InvalidStateTransition", message);
}
