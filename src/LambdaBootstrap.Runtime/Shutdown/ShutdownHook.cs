using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Runtime.Shutdown;

/// <summary>Work to do when Lambda ends the execution environment: flush, close, say goodbye.</summary>
internal sealed class ShutdownHook
{
    private readonly Func<ILambdaLogger, CancellationToken, Task> _run;

    private ShutdownHook(string name, Func<ILambdaLogger, CancellationToken, Task> run)
    {
        Name = name;
        _run = run;
    }

    public string Name { get; }

    public static ShutdownHook Sync(string name, Action<ILambdaLogger> hook) => new(name, (log, _) =>
    {
        hook(log);
        return Task.CompletedTask;
    });

    public static ShutdownHook Async(string name, Func<ILambdaLogger, CancellationToken, Task> hook) => new(name, hook);

    internal Task RunAsync(ILambdaLogger log, CancellationToken budget) => _run(log, budget);
}
