using System.Runtime.InteropServices;
using System.Text;
using Bootstrap.Emulator;
using Bootstrap.Emulator.RuntimeApi;

// The local Lambda. Errors a user can fix are one line and exit code 2, never a stack trace.
EmulatorCommandLine commandLine;
try
{
    commandLine = EmulatorCommandLine.Parse(args);
}
catch (EmulatorException e)
{
    Console.Error.WriteLine($"bootstrap-emulator: {e.Message}");
    return 2;
}
if (commandLine.ShowHelp)
{
    Console.WriteLine(EmulatorCommandLine.Help);
    return 0;
}

var outputLock = new Lock();
void Output(string line, bool isError)
{
    lock (outputLock)
        (isError ? Console.Error : Console.Out).WriteLine(line);
}

using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });

LocalFunction? function = null;
InvokeServer? invokeServer = null;
try
{
    function = await LocalFunction.StartAsync(new FunctionOptions
    {
        BootstrapPath = commandLine.BootstrapPath,
        Handler = commandLine.Handler,
        MemoryMb = commandLine.MemoryMb,
        Debug = commandLine.Debug,
        Environment = commandLine.Environment,
        MaxConcurrency = commandLine.MaxConcurrency,
        MaxQueuedInvokes = commandLine.MaxQueuedInvokes,
        ShutdownBudget = TimeSpan.FromMilliseconds(commandLine.ShutdownBudgetMs),
        Api = new RuntimeApiOptions
        {
            Port = commandLine.RuntimeApiPort,
            FunctionName = commandLine.FunctionName,
            Timeout = TimeSpan.FromSeconds(commandLine.TimeoutSeconds),
        },
    }, Output);

    if (commandLine.Events.Count > 0)
    {
        // One-shot: invoke each event in order, show what a caller would get, then stop.
        foreach (string file in commandLine.Events)
        {
            var result = await function.InvokeAsync(await File.ReadAllBytesAsync(file)).WaitAsync(stop.Token);
            string status = result.Outcome.IsError ? "200, X-Amz-Function-Error: Unhandled" : "200";
            Output($"Response ({status}): {Encoding.UTF8.GetString(result.Outcome.Body)}", false);
        }
        return 0;
    }

    invokeServer = await InvokeServer.StartAsync(function, commandLine.Port, Output);
    Output($"emulator: Runtime API on {function.Api.Address}; invoke with POST http://127.0.0.1:{invokeServer.Port}/2015-03-31/functions/{commandLine.FunctionName}/invocations, or .../response-streaming-invocations to get a streamed response as it streams (Ctrl-C to stop)", false);
    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    Output("emulator: stopping", false);
    return 0;
}
catch (EmulatorException e)
{
    Console.Error.WriteLine($"bootstrap-emulator: {e.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Output("emulator: stopped", false);
    return 130;
}
finally
{
    if (invokeServer is not null)
        await invokeServer.DisposeAsync();
    if (function is not null)
        await function.DisposeAsync();
}
