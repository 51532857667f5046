using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>
/// An invoke queued on a <see cref="LocalFunction"/>: its invocation once its turn comes (to follow a streamed
/// response as it arrives), and its result once it has finished.
/// </summary>
internal sealed class PendingInvoke
{
    private readonly TaskCompletionSource<Invocation> _invocation = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InvokeResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PendingInvoke(byte[] payload, InvokeOptions options)
    {
        Payload = payload;
        Options = options;
    }

    internal byte[] Payload { get; }
    internal InvokeOptions Options { get; }

    /// <summary>Completes when the invocation goes to the Runtime API, after every invoke queued before it has finished.</summary>
    public Task<Invocation> Invocation => _invocation.Task;
    /// <summary>Completes when it has finished, with what the caller gets and the figures of its REPORT line.</summary>
    public Task<InvokeResult> Result => _result.Task;

    internal void Begin(Invocation invocation) => _invocation.TrySetResult(invocation);

    internal void Finish(InvokeResult result) => _result.TrySetResult(result);

    internal void Fail(Exception e)
    {
        _invocation.TrySetException(e);
        _result.TrySetException(e);
    }
}
