using System.Runtime.InteropServices;
using System.Text;
using LambdaBootstrap.Emulator;
using LambdaBootstrap.Emulator.Async;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.HttpFrontDoor;
using LambdaBootstrap.Emulator.InvokeApi;
using LambdaBootstrap.Emulator.Parameters;
using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;
using LambdaBootstrap.Emulator.Templates;
using LambdaBootstrap.Emulator.Watch;
using LambdaBootstrap.Emulator.XRay;

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

// Each function by every name it is served under; one LocalFunction may have two (a template's logical id and name).
var functions = new Dictionary<string, LocalFunction>(StringComparer.Ordinal);
SamTemplate? template = null;
ProjectWatcher? watcher = null;
InvokeServer? invokeServer = null;
HttpFrontDoorServer? frontDoor = null;
ParametersSecretsServer? parametersServer = null;
TemplateFrontDoors? templateDoors = null;
TraceFile? traceFile = null;
try
{
    // The Parameters and Secrets extension's API comes first: each function is told its port.
    var sessionTokens = new HashSet<string>(StringComparer.Ordinal);
    var extraEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
    if (commandLine.ParametersPath is { } parametersPath)
    {
        var file = ParametersFile.Load(parametersPath);
        int parametersPort = commandLine.Environment.TryGetValue(ParametersSecretsServer.PortVariable, out string? portText)
            ? int.TryParse(portText, out int p) && p is >= 0 and <= 65535 ? p : throw new EmulatorException($"{ParametersSecretsServer.PortVariable} must be a port number, not '{portText}'")
            : ParametersSecretsServer.DefaultPort;
        parametersServer = await ParametersSecretsServer.StartAsync(file, parametersPort, sessionTokens.Contains, Output);
        extraEnvironment[ParametersSecretsServer.PortVariable] = parametersServer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Output($"emulator: Parameters and Secrets extension on http://localhost:{parametersServer.Port}/ ({file.Parameters.Count} parameters, {file.Secrets.Count} secrets)", false);
    }
    // Over the function's own: the port actually listened on (it may have asked for 0).
    IReadOnlyDictionary<string, string> WithExtra(IReadOnlyDictionary<string, string> environment) =>
        extraEnvironment.Count == 0 ? environment : environment.Concat(extraEnvironment).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    FunctionOptions Options(string bootstrap, string? handler, string name, int memoryMb, double timeoutSeconds, int runtimeApiPort,
        IReadOnlyDictionary<string, string> environment, EventInvokeConfig? eventInvoke = null, IReadOnlyList<string>? layerExtensions = null) => new()
    {
        Extensions = [.. layerExtensions ?? [], .. commandLine.Extensions],
        EventInvoke = (eventInvoke ?? EventInvokeConfig.Default) with { RetryDelay = TimeSpan.FromSeconds(commandLine.RetryDelaySeconds) },
        BootstrapPath = bootstrap,
        Handler = handler,
        MemoryMb = memoryMb,
        Debug = commandLine.Debug,
        Environment = WithExtra(environment),
        MaxConcurrency = commandLine.MaxConcurrency,
        MaxQueuedInvokes = commandLine.MaxQueuedInvokes,
        ShutdownBudget = TimeSpan.FromMilliseconds(commandLine.ShutdownBudgetMs),
        Api = new RuntimeApiOptions { Port = runtimeApiPort, FunctionName = name, Timeout = TimeSpan.FromSeconds(timeoutSeconds) },
    };

    if (commandLine.TemplatePath is { } templatePath)
    {
        template = SamTemplate.Load(templatePath);
        foreach (string warning in template.Warnings)
            Output($"emulator: template: {warning}", true);
        bool several = template.Functions.Count > 1;
        foreach (var entry in template.Functions)
        {
            // The template's variables sit between --env-file and --env.
            var environment = new Dictionary<string, string>(commandLine.FileEnvironment, StringComparer.Ordinal);
            foreach (var (name, value) in entry.Environment.Concat(commandLine.FlagEnvironment))
                environment[name] = value;
            string prefix = several ? $"[{entry.Name}] " : "";
            var function = await LocalFunction.StartAsync(
                Options(entry.BootstrapPath, entry.Handler, entry.Name, entry.MemoryMb, entry.TimeoutSeconds, 0, environment, entry.EventInvoke, entry.Extensions),
                (line, isError) => Output(prefix + line, isError));
            foreach (string name in new[] { entry.LogicalId, entry.Name }.Distinct())
            {
                if (!functions.TryAdd(name, function))
                    throw new EmulatorException($"template {templatePath}: two functions are named {name}");
            }
        }
    }
    else
    {
        string bootstrap = commandLine.BootstrapPath;
        if (commandLine.WatchPath is { } project)
        {
            watcher = new ProjectWatcher(project, Output);
            Output($"emulator: watch: building {project}", false);
            bootstrap = await watcher.BuildFirstAsync();
        }
        var function = await LocalFunction.StartAsync(Options(bootstrap, commandLine.Handler, commandLine.FunctionName,
            commandLine.MemoryMb, commandLine.TimeoutSeconds, commandLine.RuntimeApiPort, commandLine.Environment), Output);
        functions[commandLine.FunctionName] = function;
        watcher?.Start(function.UseBootstrap);
    }

    // Asynchronous invokes' records and dead-lettered events: to a function served here, or to --destinations.
    var destinations = new Destinations(commandLine.DestinationsFolder, TimeProvider.System);
    foreach (var function in functions.Values.Distinct())
    {
        destinations.AddFunction(function);
        function.Events.Destinations = destinations;
        sessionTokens.Add(LambdaEnvironment.SessionToken(function.Options));
    }
    if (commandLine.TracesPath is { } tracesPath)
    {
        traceFile = new TraceFile(tracesPath);
        foreach (var function in functions.Values.Distinct())
            traceFile.Follow(function.Traces);
    }

    if (commandLine.Events.Count > 0)
    {
        // One-shot: invoke each event in order, show what a caller would get, then stop.
        var function = functions.Values.Single();
        foreach (string file in commandLine.Events)
        {
            var result = await function.InvokeAsync(await File.ReadAllBytesAsync(file)).WaitAsync(stop.Token);
            string status = result.Outcome.IsError ? "200, X-Amz-Function-Error: Unhandled" : "200";
            Output($"Response ({status}): {Encoding.UTF8.GetString(result.Outcome.Body)}", false);
        }
        return 0;
    }

    // The console offers the JSON files of the project's events/ folder: beside the template or the watched project,
    // and in the working folder.
    string? projectFolder = commandLine.TemplatePath is { } templateFile ? Path.GetDirectoryName(Path.GetFullPath(templateFile)) : commandLine.WatchPath;
    string[] eventFolders = projectFolder is null ? ["events"] : [Path.Combine(projectFolder, "events"), "events"];
    invokeServer = await InvokeServer.StartAsync(functions, commandLine.Port, Output, eventFolders);
    if (template is null)
    {
        var function = functions.Values.Single();
        Output($"emulator: Runtime API on {function.Api.Address}; invoke with POST http://127.0.0.1:{invokeServer.Port}/2015-03-31/functions/{commandLine.FunctionName}/invocations, or .../response-streaming-invocations to get a streamed response as it streams (Ctrl-C to stop)", false);
    }
    else
    {
        foreach (var entry in template.Functions)
        {
            string also = entry.FunctionName is { } name && name != entry.LogicalId ? $" (or {entry.LogicalId})" : "";
            Output($"emulator: function {entry.Name}{also}: Runtime API on {functions[entry.Name].Api.Address}; invoke with POST http://127.0.0.1:{invokeServer.Port}/2015-03-31/functions/{entry.Name}/invocations", false);
        }
        Output("emulator: ready (Ctrl-C to stop)", false);
    }
    Output($"emulator: console on {invokeServer.ConsoleUrl} (open it in a browser on this machine)", false);
    if (commandLine.HttpPort is { } templatePort && template is { Apis: { Any: true } apis })
    {
        // The template's own front doors: its API routes on --http-port, each Function URL and WebSocket API on a port of its own.
        templateDoors = await TemplateFrontDoors.StartAsync(apis, functions, templatePort, TimeProvider.System, Output);
        foreach (string line in templateDoors.Addresses)
            Output(line, false);
    }
    else if (commandLine.HttpPort is { } httpPort)
    {
        if (functions.Values.Distinct().Count() != 1)
            throw new EmulatorException("--http-port serves one function, or a template's Api and HttpApi events; the template has several functions and no such events");
        frontDoor = await HttpFrontDoorServer.StartAsync(functions.Values.First(), commandLine.HttpEvent, httpPort, Output);
        Output($"emulator: HTTP front door ({FrontDoorEventFormats.NameOf(commandLine.HttpEvent)} events) on http://127.0.0.1:{frontDoor.Port}/", false);
    }
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
    if (watcher is not null)
        await watcher.DisposeAsync();
    if (frontDoor is not null)
        await frontDoor.DisposeAsync();
    if (parametersServer is not null)
        await parametersServer.DisposeAsync();
    if (templateDoors is not null)
        await templateDoors.DisposeAsync();
    if (invokeServer is not null)
        await invokeServer.DisposeAsync();
    foreach (var function in functions.Values.Distinct())
        await function.DisposeAsync();
    template?.Dispose();
    traceFile?.Dispose();
}

// The tool's entry point is no API: without this, ASP.NET's generator would make it public.
internal partial class Program;
