using System.Globalization;
using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator;

/// <summary>The emulator's command line: parsed strictly, every option in <see cref="Help"/>.</summary>
internal sealed record EmulatorCommandLine
{
    public const string Help = """
        Usage: bootstrap-emulator --bootstrap PATH [options]
               bootstrap-emulator --template template.yaml [options]
               bootstrap-emulator --watch PROJECT_DIR --handler NAME [options]

        Runs a Lambda bootstrap on this machine: a Runtime API for the bootstrap, and Lambda's Invoke API for you.
        The bootstrap starts cold on the first invoke. Each invocation prints START, END and REPORT lines.

        Options:
          --bootstrap PATH        the bootstrap executable to run (required, unless --template)
          --watch PROJECT_DIR     build the function project in PROJECT_DIR (dotnet build: a JIT build, seconds
                                  where Native AOT takes tens of them) and run that; on every change under the
                                  folder, rebuild, and the next invoke starts the new build cold. A failed build
                                  is printed and the previous build keeps serving; changes during a build
                                  coalesce into one rebuild. Not with --bootstrap, --template or --event
          --template FILE         run every function of a SAM or CloudFormation template on provided.al2023 or
                                  provided.al2, each with its own process, timeout and REPORT lines, served by its
                                  logical id and its FunctionName. It takes the bootstrap from CodeUri/Code (a
                                  folder or a zip) or from the template's layers it names, Handler, MemorySize,
                                  Timeout, Environment.Variables, Architectures and Globals; anything else is
                                  named in a warning. Not with --bootstrap, --handler, --function-name, --memory,
                                  --timeout, --runtime-api-port or --event
          --handler NAME          _HANDLER for the function
          --port N                Invoke API port on 127.0.0.1 (default 9000; 0 picks a free port)
          --http-port N           also serve plain HTTP on 127.0.0.1:N (0 picks a free port) as an HTTP front door
                                  of the function: each request becomes an event of --http-event's format, the
                                  function's answer the HTTP response (status, headers, multi-value headers,
                                  cookies as Set-Cookie, base64 bodies decoded). As API Gateway answers: an answer
                                  that is not a valid response or a function error is 502, a timeout 504, a body
                                  over 10 MB 413. With function-url, a streamed response (RESPONSE_STREAM) streams
                                  through, its prelude as the head. One function only; not with --event.
                                  With --template: the template's Api and HttpApi routes on this port (path
                                  parameters, stages, Lambda authorizers; API Gateway's 401, 403 and 404), and
                                  each FunctionUrlConfig and WEBSOCKET API (with @connections) on a port of its
                                  own (printed at start)
          --http-event FORMAT     the event --http-port sends: apigateway-v2 (HTTP API, payload 2.0; the
                                  default), apigateway-v1 (REST API, payload 1.0), function-url, or alb (with
                                  multi-value headers)
          --runtime-api-port N    Runtime API port on 127.0.0.1 (default 0: a free port)
          --timeout SECONDS       function timeout (default 3)
          --memory MB             memory size, as AWS_LAMBDA_FUNCTION_MEMORY_SIZE (default 128)
          --function-name NAME    function name (default "function"): the name the Invoke API serves; any
                                  other name gets 404 ResourceNotFoundException
          --max-concurrency N     invocations served at once (default 1); above 1 the bootstrap gets
                                  AWS_LAMBDA_MAX_CONCURRENCY=N, as on Lambda Managed Instances
          --max-queued N          invokes that may wait for their turn beyond those running (default 100);
                                  one more gets 429 TooManyRequestsException at once
          --shutdown-budget MS    on shutdown, time a bootstrap with a registered extension gets between
                                  SIGTERM and SIGKILL (default 500)
          --env-file FILE         environment variables for the bootstrap from a dotenv file: NAME=value lines,
                                  optional "export", # comments, '...' or "..." quoting (repeatable)
          --env NAME=VALUE        an environment variable for the bootstrap (repeatable; over --env-file)
          --event FILE            invoke once with FILE's contents, print the response, and exit when all
                                  --event invokes are done (repeatable; no Invoke API is opened)
          --retry-delay SECONDS   an asynchronous (Event) invoke that fails is retried after SECONDS (default 2),
                                  then after twice that, up to the template's MaximumRetryAttempts (default 2)
          --destinations DIR      write the records of asynchronous invokes and dead-lettered events sent to an
                                  SQS queue, SNS topic, EventBridge bus or S3 bucket to DIR, as JSON lines, one
                                  file per target (a Lambda destination of the template is invoked instead)
          --parameters FILE       serve the AWS Parameters and Secrets Lambda Extension's API on 127.0.0.1:2773
                                  (or PARAMETERS_SECRETS_EXTENSION_HTTP_PORT of --env; 0 picks a free port) with
                                  the parameters and secrets of FILE (YAML or JSON); each function gets the port
                                  and, unless one is set, an AWS_SESSION_TOKEN, which requests must carry
          --traces FILE           write the X-Ray trace of each sampled invocation to FILE as it ends: one
                                  segment document per line (JSON Lines), the function segment with its
                                  Initialization, Invocation and Overhead subsegments and those the function
                                  sent to AWS_XRAY_DAEMON_ADDRESS (an X-Amzn-Trace-Id with Sampled=0 on an
                                  invoke leaves it untraced)
          --extension PATH        start PATH beside the bootstrap as an external extension, as Lambda starts
                                  /opt/extensions/* (repeatable; with --template, for every function, after
                                  the executables of the extensions/ folders of its layers). An extension
                                  registers with the Extensions API under its file name and may subscribe
                                  to the Telemetry API; see docs/emulator.md
          --debug                 also print what the Runtime API sees: a STREAM line per streamed response
                                  (reads, bytes, time from first to last byte) and an XRAY-ERROR-CAUSE line per
                                  Lambda-Runtime-Function-XRay-Error-Cause header (its summary, or why it is invalid)
          --help                  show this help

        The web console: open http://127.0.0.1:9000/ (the --port) in a browser on this machine to invoke the
        functions, edit events (samples of each trigger, the files in events/), watch each invocation's log live,
        compare runs and force cold starts.
        Invoke with:  curl -d '{"name":"Ada"}' http://127.0.0.1:9000/2015-03-31/functions/function/invocations
        or any AWS SDK or the AWS CLI with the endpoint http://127.0.0.1:9000 (Invoke, InvokeWithResponseStream).
        The function is named as Lambda takes it (name, name:qualifier, or its ARN); ?Qualifier= is echoed in
        X-Amz-Executed-Version. Headers: X-Amz-Invocation-Type: Event (202 with the request id; queued, retried
        and sent to destinations as on Lambda) or DryRun (204), X-Amz-Log-Type: Tail (X-Amz-Log-Result: the last 4 KB of the invocation's log, base64),
        X-Amz-Client-Context (base64 JSON). A payload that is not JSON gets 400, one over 6 MB (1 MB for Event) 413.
        A streaming function's response comes back whole there (a mid-stream error: X-Amz-Function-Error and the
        error JSON). InvokeWithResponseStream (POST /2021-11-15/functions/NAME/response-streaming-invocations)
        gets it as Lambda sends it, in event-stream framing. For curl, the same as plain HTTP chunks, with a
        mid-stream error as the trailers Lambda-Runtime-Function-Error-Type and Lambda-Runtime-Function-Error-Body:
          curl -N --raw -d '{}' http://127.0.0.1:9000/2015-03-31/functions/function/response-streaming-invocations
        The bootstrap's environment: Lambda's variables (AWS_LAMBDA_*, _HANDLER, LAMBDA_TASK_ROOT, PATH, TZ, ...);
        then, from yours, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION and
        AWS_DEFAULT_REGION when set, so a function using an AWS SDK works locally; then --env-file; then the
        template's Environment; then --env.
        Nothing else of your environment reaches it.
        Stop with Ctrl-C or SIGTERM.
        """;

    public string BootstrapPath { get; init; } = "";
    public string? TemplatePath { get; init; }
    public string? WatchPath { get; init; }
    /// <summary>The variables of the --env-file files, the later file winning.</summary>
    public IReadOnlyDictionary<string, string> FileEnvironment { get; init; } = new Dictionary<string, string>();
    /// <summary>The --env variables.</summary>
    public IReadOnlyDictionary<string, string> FlagEnvironment { get; init; } = new Dictionary<string, string>();
    public string? Handler { get; init; }
    public int Port { get; init; } = 9000;
    public int RuntimeApiPort { get; init; }
    /// <summary>The HTTP front door's port (--http-port), or null when there is none.</summary>
    public int? HttpPort { get; init; }
    public HttpFrontDoor.FrontDoorEventFormat HttpEvent { get; init; } = HttpFrontDoor.FrontDoorEventFormat.ApiGatewayV2;
    public double TimeoutSeconds { get; init; } = 3;
    public int MemoryMb { get; init; } = 128;
    public string FunctionName { get; init; } = "function";
    /// <summary>The --env-file variables, then the --env ones over them.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Events { get; init; } = [];
    public bool Debug { get; init; }
    public bool ShowHelp { get; init; }
    public int MaxConcurrency { get; init; } = 1;
    public double ShutdownBudgetMs { get; init; } = 500;
    public int MaxQueuedInvokes { get; init; } = FunctionOptions.DefaultMaxQueuedInvokes;
    /// <summary>Where --traces writes the X-Ray traces; null when not asked.</summary>
    public string? TracesPath { get; init; }

    // Asynchronous invocation.
    public double RetryDelaySeconds { get; init; } = Async.EventInvokeConfig.DefaultRetryDelay.TotalSeconds;
    public string? DestinationsFolder { get; init; }

    // The Parameters and Secrets extension.
    public string? ParametersPath { get; init; }
    /// <summary>The --extension executables.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Parses the arguments. Throws <see cref="EmulatorException"/> with a one-line reason.</summary>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new EmulatorCommandLine();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var events = new List<string>();
        var envFiles = new List<string>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            given.Add(option);
            string Value() => i + 1 < args.Count ? args[++i] : throw new EmulatorException($"{option} needs a value");
            result = option switch
            {
                "--help" or "-h" => result with { ShowHelp = true },
                "--debug" => result with { Debug = true },
                "--bootstrap" => result with { BootstrapPath = Value() },
                "--template" => result with { TemplatePath = Value() },
                "--watch" => result with { WatchPath = Value() },
                "--handler" => result with { Handler = Value() },
                "--port" => result with { Port = ParsePort(option, Value()) },
                "--http-port" => result with { HttpPort = ParsePort(option, Value()) },
                "--http-event" => result with { HttpEvent = ParseHttpEvent(Value()) },
                "--runtime-api-port" => result with { RuntimeApiPort = ParsePort(option, Value()) },
                "--timeout" => result with { TimeoutSeconds = ParsePositive(option, Value()) },
                "--memory" => result with { MemoryMb = (int)ParsePositive(option, Value()) },
                "--function-name" => result with { FunctionName = Value() },
                "--max-concurrency" => result with { MaxConcurrency = (int)ParsePositive(option, Value()) },
                "--max-queued" => result with { MaxQueuedInvokes = (int)ParsePositive(option, Value()) },
                "--shutdown-budget" => result with { ShutdownBudgetMs = ParsePositive(option, Value()) },
                "--retry-delay" => result with { RetryDelaySeconds = ParsePositive(option, Value()) },
                "--destinations" => result with { DestinationsFolder = Value() },
                "--parameters" => result with { ParametersPath = Value() },
                "--env" => AddEnvironment(result, environment, Value()),
                "--env-file" => AddFile(result, envFiles, Value()),
                "--event" => AddFile(result, events, Value()),
                "--traces" => result with { TracesPath = Value() },
                "--extension" => AddExtension(result, Value()),
                _ => throw new EmulatorException($"unknown option '{option}' (see --help)"),
            };
        }
        // Later wins: the files in order, then every --env, wherever it stood.
        var fromFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in envFiles)
        {
            foreach (var (name, value) in DotEnvFile.Read(file))
                fromFiles[name] = value;
        }
        var merged = new Dictionary<string, string>(fromFiles, StringComparer.Ordinal);
        foreach (var (name, value) in environment)
            merged[name] = value;
        result = result with { Environment = merged, FileEnvironment = fromFiles, FlagEnvironment = environment, Events = events };
        if (!result.ShowHelp && result.HttpPort is not null && result.Events.Count > 0)
            throw new EmulatorException("--http-port does not go with --event: --event runs once and exits");
        if (!result.ShowHelp && result.HttpPort is null && given.Contains("--http-event"))
            throw new EmulatorException("--http-event needs --http-port");
        if (!result.ShowHelp && result.TemplatePath is not null)
        {
            string[] perFunction = ["--watch", "--bootstrap", "--handler", "--function-name", "--memory", "--timeout", "--runtime-api-port", "--event"];
            if (perFunction.FirstOrDefault(given.Contains) is { } clash)
                throw new EmulatorException($"{clash} does not go with --template: the template sets it per function");
            if (!File.Exists(result.TemplatePath))
                throw new EmulatorException($"template not found: {result.TemplatePath}");
        }
        else if (!result.ShowHelp && result.WatchPath is not null)
        {
            if (new[] { "--bootstrap", "--event" }.FirstOrDefault(given.Contains) is { } clash)
                throw new EmulatorException($"{clash} does not go with --watch: the bootstrap is the project's build");
            if (!Directory.Exists(result.WatchPath))
                throw new EmulatorException($"project folder not found: {result.WatchPath}");
        }
        else if (!result.ShowHelp)
        {
            if (result.BootstrapPath.Length == 0)
                throw new EmulatorException("--bootstrap PATH is required (see --help)");
            if (!File.Exists(result.BootstrapPath))
                throw new EmulatorException($"bootstrap not found: {result.BootstrapPath}");
            foreach (string file in events)
            {
                if (!File.Exists(file))
                    throw new EmulatorException($"event file not found: {file}");
            }
        }
        return result;
    }

    private static EmulatorCommandLine AddEnvironment(EmulatorCommandLine result, Dictionary<string, string> environment, string value)
    {
        int equals = value.IndexOf('=');
        if (equals <= 0)
            throw new EmulatorException($"--env needs NAME=VALUE, got '{value}'");
        environment[value[..equals]] = value[(equals + 1)..];
        return result;
    }

    private static EmulatorCommandLine AddExtension(EmulatorCommandLine result, string path) =>
        File.Exists(path) ? result with { Extensions = [.. result.Extensions, Path.GetFullPath(path)] }
            : throw new EmulatorException($"extension not found: {path}");

    private static EmulatorCommandLine AddFile(EmulatorCommandLine result, List<string> files, string file)
    {
        files.Add(file);
        return result;
    }

    private static int ParsePort(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535
            ? port
            : throw new EmulatorException($"{option} must be a port number from 0 to 65535, got '{value}'");

    private static HttpFrontDoor.FrontDoorEventFormat ParseHttpEvent(string value) =>
        HttpFrontDoor.FrontDoorEventFormats.Parse(value)
            ?? throw new EmulatorException($"--http-event must be {HttpFrontDoor.FrontDoorEventFormats.Names}, not '{value}'");

    private static double ParsePositive(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && number > 0
            ? number
            : throw new EmulatorException($"{option} must be a positive number, got '{value}'");
}
