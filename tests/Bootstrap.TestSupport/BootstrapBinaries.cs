using Bootstrap.TestSupport.Processes;

namespace Bootstrap.TestSupport;

/// <summary>
/// The AOT binaries under test. `make test` publishes them before the tests run; when a test is started
/// some other way and one is missing, it is published here, once per test run.
/// </summary>
public static class BootstrapBinaries
{
    public static readonly string RepoRoot = FindRepoRoot();

    private static readonly Lazy<string> s_host = new(() => Ensure("artifacts/bootstrap", "bootstrap"));
    private static readonly Lazy<string> s_testFunction = new(() => Ensure("artifacts/test-function/bootstrap", "test-function"));
    private static readonly Lazy<string> s_testExtension = new(() => Ensure("artifacts/test-extension/extensions/csharp-telemetry", "test-extension"));
    private static readonly Lazy<string> s_openTelemetryFunction = new(() => Ensure("artifacts/otel-function/bootstrap", "otel-function"));
    private static readonly Lazy<string> s_layer = new(() => Ensure("artifacts/layer-x86_64.zip", "layer"));
    private static readonly Lazy<string> s_hostStatic = new(() => Ensure("artifacts/bootstrap-static", "bootstrap-static"));
    private static readonly Lazy<string> s_hostArm64 = new(() => Ensure("artifacts/bootstrap-arm64", "bootstrap ARCH=arm64"));

    /// <summary>
    /// The default bootstrap with the sample handlers (echo, greet, context, fail, stream, sleep, counter, http), or the
    /// build that <see cref="HostVariable"/> names (the conformance suite's second run, on the portable build).
    /// </summary>
    public static string Host =>
        Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } other ? Path.GetFullPath(other, RepoRoot) : s_host.Value;

    /// <summary>Names another build of the host to test in place of artifacts/bootstrap.</summary>
    public const string HostVariable = "BOOTSTRAP_HOST_UNDER_TEST";

    /// <summary>The test function's bootstrap (log, observed, bytes-async, stream-buffered, stream-buffered-async, add-async, deadline, big, delay, hang, crash, user-fail, user-fail-async, init-fails, http-stream, configuration, authorizer).</summary>
    public static string TestFunction => s_testFunction.Value;

    /// <summary>The tests' external extension in C# (on the runtime library's Extensions API client), named csharp-telemetry.</summary>
    public static string TestExtension => s_testExtension.Value;

    /// <summary>The OpenTelemetry test function's bootstrap (traced): the SDK and its OTLP exporter on the invocation's Activity.</summary>
    public static string OpenTelemetryFunction => s_openTelemetryFunction.Value;

    /// <summary>The default bootstrap as a layer zip (make layer), which layer/template.yaml points at.</summary>
    public static string Layer => s_layer.Value;

    /// <summary>The default bootstrap linked statically (BootstrapStaticExecutable): no loader, no name lookups.</summary>
    public static string HostStatic => s_hostStatic.Value;

    /// <summary>The default bootstrap cross-compiled for arm64; on an x86_64 machine it runs under qemu-user.</summary>
    public static string HostArm64 => s_hostArm64.Value;

    private static string Ensure(string relativePath, string makeTarget)
    {
        string path = Path.Combine(RepoRoot, relativePath);
        if (File.Exists(path))
            return path;
        var (exitCode, output) = Commands.Run("make", ["-C", RepoRoot, .. makeTarget.Split(' ')]);
        if (exitCode != 0 || !File.Exists(path))
            throw new InvalidOperationException($"`make {makeTarget}` did not produce {path}:\n{output}");
        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bootstrap.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Bootstrap.sln) above " + AppContext.BaseDirectory);
    }
}
