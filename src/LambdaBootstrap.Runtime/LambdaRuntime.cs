using System.Diagnostics;
using LambdaBootstrap.Runtime.Diagnostics;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Http;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// The entry point of a bootstrap: read the configuration, initialise the handler named by <c>_HANDLER</c>,
/// connect to the Lambda Runtime API, then serve invocations until the API says stop. A function's <c>Main</c> is
/// one call to <see cref="Run"/>.
/// <code>static int Main() => LambdaRuntime.Run(new HandlerRegistry { ["echo"] = () => LambdaHandler.Bytes((e, c) => e) });</code>
/// </summary>
public static class LambdaRuntime
{
    // Concatenation, not interpolation: an interpolated string rents from ArrayPool.Shared, whose first use
    // (per-core stacks, a processor-id speed check) costs tens of microseconds on a cold start.
    internal static string UserAgent => string.Concat("LambdaBootstrap.Runtime/", RuntimeVersion.Value, " (.NET ", Environment.Version.ToString(), ")");

    /// <summary>
    /// Runs the bootstrap: the handler named by <c>_HANDLER</c> is built from <paramref name="handlers"/> and serves
    /// invocations, one at a time, or <c>AWS_LAMBDA_MAX_CONCURRENCY</c> at once. A handler's exception is reported as
    /// that invocation's error and the loop goes on. An unknown or unset <c>_HANDLER</c>, or a factory that throws, is
    /// reported to Lambda as an init error. Nothing else escapes: failures become a one-line message on stderr and the
    /// exit code.
    /// </summary>
    /// <param name="handlers">The handlers this bootstrap can run.</param>
    /// <returns>The process exit code, to return from <c>Main</c>: non-zero when init fails, when the Runtime API is
    /// missing or unreachable, or when it fails fatally (a 500, or a broken connection).</returns>
    public static int Run(HandlerRegistry handlers)
    {
        var profile = StartupProfile.FromEnvironment();
        RuntimeConfiguration config;
        try
        {
            config = RuntimeConfiguration.FromEnvironment();
        }
        catch (FormatException e)
        {
            return Fatal(e.Message);
        }
        profile?.ConfigurationRead();

        var log = new LogWriter(StandardStream.Output, config.LogFormat, config.LogLevel) { Powertools = config.Powertools };
        // Not foreach: an interface's enumerator is more code than its indexer, in every bootstrap.
        for (int i = 0; i < config.Warnings.Count; i++)
            log.Write(LogLevel.Warning, config.Warnings[i]);

        using var client = new RuntimeApiClient(new HttpConnection(config.RuntimeApi, UserAgent, config.ConnectBudget), log);
        try
        {
            if (!TryInitialize(handlers, config.Handler, out var handler, out var initError))
            {
                client.Connect();
                client.ReportInitError(initError);
                return Fatal($"init failed: {initError}");
            }
            profile?.HandlerInitialised();
            handler.EnableShutdown?.Invoke(config, log);
            client.Connect();
            profile?.ConnectionOpen();
            client.Profile = profile;
            return Serve(client, handler, config, log);
        }
        catch (Exception e) when (e is RuntimeApiException or InvalidHttpResponseException or IOException)
        {
            return Fatal(e.Message);
        }
        catch (Exception e)
        {
            // A fault of the runtime itself: still one line and an exit code, never a stack trace dump.
            return Fatal($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Serves invocations: one loop on this thread, or with AWS_LAMBDA_MAX_CONCURRENCY=N, N loops on their own threads,
    /// each with its own connection. The first fatal error of any loop ends the process. _X_AMZN_TRACE_ID is
    /// process-wide, so only a single loop sets it.
    /// </summary>
    private static int Serve(RuntimeApiClient client, LambdaHandler handler, RuntimeConfiguration config, LogWriter log)
    {
        if (config.MaxConcurrency == 1)
        {
            new InvocationLoop(client, handler, config.Function, log, setTraceEnvironment: true).Run();
            return 0;
        }

        // Loops block their own threads; async handlers resume on the pool, which must not starve when N of them block.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, config.MaxConcurrency + Environment.ProcessorCount), io);
        var fatal = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        for (int i = 0; i < config.MaxConcurrency; i++)
        {
            var loopClient = i == 0 ? client : new RuntimeApiClient(new HttpConnection(config.RuntimeApi, UserAgent, config.ConnectBudget), log);
            var thread = new Thread(() =>
            {
                try
                {
                    loopClient.Connect();
                    new InvocationLoop(loopClient, handler, config.Function, log, setTraceEnvironment: false).Run();
                }
                catch (Exception e)
                {
                    fatal.TrySetResult(e);
                }
            })
            { IsBackground = true, Name = $"invocation loop {i}" };
            thread.Start();
        }
        return Fatal(fatal.Task.GetAwaiter().GetResult().Message);
    }

    /// <summary>
    /// Finds the handler and runs its factory; any failure becomes the init error to report. Hidden from stack traces,
    /// so the report of a failing factory shows the function's frames only.
    /// </summary>
    [StackTraceHidden]
    internal static bool TryInitialize(HandlerRegistry handlers, string? name, out LambdaHandler handler, out ErrorReport error)
    {
        handler = null!;
        error = null!;
        // The list of names is only built for the error: sorting and joining are cold code on a cold start.
        if (string.IsNullOrWhiteSpace(name))
        {
            error = ErrorReport.Runtime(RuntimeErrorException.HandlerNotFound, $"_HANDLER is not set. Handlers in this bootstrap: {string.Join(", ", handlers.Names)}");
            return false;
        }
        if (!handlers.TryGet(name, out var factory))
        {
            error = ErrorReport.Runtime(RuntimeErrorException.HandlerNotFound, $"No handler named '{name}'. Handlers in this bootstrap: {string.Join(", ", handlers.Names)}");
            return false;
        }
        try
        {
            handler = factory();
            return true;
        }
        catch (Exception e)
        {
            error = ErrorReport.FromException(new RuntimeErrorException(RuntimeErrorException.InitError,
                $"Handler '{name}' failed to initialise: {e.GetType().Name}: {e.Message}", e));
            return false;
        }
    }

    private static int Fatal(string message)
    {
        // One line, whatever the message quotes (an answer's body may hold line breaks).
        message = message.TrimEnd().Replace('\n', ' ').Replace('\r', ' ');
        StandardStream.Error.Write(System.Text.Encoding.UTF8.GetBytes($"bootstrap: {message}\n"));
        return 1;
    }
}
