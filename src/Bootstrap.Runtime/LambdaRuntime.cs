using Bootstrap.Runtime.Diagnostics;
using Bootstrap.Runtime.Handlers;
using Bootstrap.Runtime.Http;
using Bootstrap.Runtime.Logging;

namespace Bootstrap.Runtime;

/// <summary>
/// The entry point of a bootstrap: read the configuration, initialise the handler named by <c>_HANDLER</c>,
/// connect to the Runtime API, then serve invocations until the API says stop.
/// <code>static int Main() => LambdaRuntime.Run(new HandlerRegistry { ["echo"] = () => LambdaHandler.Bytes((e, c) => e) });</code>
/// </summary>
public static class LambdaRuntime
{
    public static string UserAgent => $"Bootstrap.Runtime/{RuntimeVersion.Value} (.NET {Environment.Version})";

    /// <summary>Runs the bootstrap. Returns the process exit code: non-zero when init fails or the Runtime API fails fatally.</summary>
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

        var log = new LogWriter(StandardStream.Output, config.LogFormat, config.LogLevel);
        foreach (string warning in config.Warnings)
            log.Write(LogLevel.Warning, warning);

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
            client.Connect();
            profile?.ConnectionOpen();
            client.Profile = profile;
            new InvocationLoop(client, handler, config.Function, log, setTraceEnvironment: true).Run();
            return 0;
        }
        catch (Exception e) when (e is RuntimeApiException or InvalidHttpResponseException or IOException)
        {
            return Fatal(e.Message);
        }
    }

    /// <summary>Finds the handler and runs its factory; any failure becomes the init error to report.</summary>
    internal static bool TryInitialize(HandlerRegistry handlers, string? name, out LambdaHandler handler, out ErrorReport error)
    {
        handler = null!;
        error = null!;
        string known = string.Join(", ", handlers.Names);
        if (string.IsNullOrWhiteSpace(name))
        {
            error = ErrorReport.Runtime(RuntimeErrorException.HandlerNotFound, $"_HANDLER is not set. Handlers in this bootstrap: {known}");
            return false;
        }
        if (!handlers.TryGet(name, out var factory))
        {
            error = ErrorReport.Runtime(RuntimeErrorException.HandlerNotFound, $"No handler named '{name}'. Handlers in this bootstrap: {known}");
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
        StandardStream.Error.Write(System.Text.Encoding.UTF8.GetBytes($"bootstrap: {message}\n"));
        return 1;
    }
}
