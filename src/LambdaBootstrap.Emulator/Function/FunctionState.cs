namespace LambdaBootstrap.Emulator.Function;

/// <summary>Where a <see cref="LocalFunction"/> stands between invokes, as the web console shows it.</summary>
internal enum FunctionState
{
    /// <summary>No process: the next invoke starts one (and pays its init).</summary>
    Cold,
    /// <summary>A process is up and idle: the next invoke reuses it.</summary>
    Warm,
    /// <summary>At least one invoke is being served (its init included).</summary>
    Running,
    /// <summary>The last process ended on its own (an init error, an exit, a crash); the next invoke starts cold.</summary>
    Crashed,
}
