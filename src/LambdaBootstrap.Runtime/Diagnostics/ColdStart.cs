namespace LambdaBootstrap.Runtime.Diagnostics;

/// <summary>
/// Which invocation is the process's first: shared by every invocation loop of the process, so that with several loops
/// exactly one invocation is the cold start.
/// </summary>
internal sealed class ColdStart
{
    private int _taken;

    /// <summary>True once, for the first invocation to ask.</summary>
    public bool Take() => Interlocked.Exchange(ref _taken, 1) == 0;
}
