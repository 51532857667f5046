using Microsoft.Extensions.Time.Testing;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// A fake clock that also tells when the code under test arms a timer on it (a timeout's delay, say): a test can
/// wait until the timer it means to fire exists, then move the clock past it.
/// </summary>
internal sealed class TestClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private int _timers;

    /// <summary>Completes once <paramref name="count"/> timers have been armed on this clock since it was made.</summary>
    public Task UntilTimersArmedAsync(int count) => Until.TrueAsync(() => Volatile.Read(ref _timers) >= count, $"{count} timers were not armed");

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }
}
