namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// Requests parked until there is something to answer them with (a <c>/next</c>, an extension's event/next), counted
/// so that whoever drives the server can wait until N of them are parked instead of guessing how long that takes.
/// </summary>
internal sealed class ParkedRequests
{
    private int _count;
    // Completed (and replaced) at each change of the count.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => Volatile.Read(ref _count);

    public void Parked()
    {
        Interlocked.Increment(ref _count);
        Changed();
    }

    public void Left()
    {
        Interlocked.Decrement(ref _count);
        Changed();
    }

    /// <summary>Completes once at least <paramref name="count"/> requests are parked.</summary>
    public async Task UntilAtLeastAsync(int count, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (Count >= count)
                return;
            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Changed() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
