using System.Diagnostics;

namespace LambdaBootstrap.Testing;

/// <summary>
/// A function project for end-to-end tests: <see cref="PublishAsync"/> publishes it once (a Native AOT
/// <c>dotnet publish -c Release</c>, checked like any deployment), and <see cref="StartAsync"/> starts its bootstrap
/// under the local emulator, one <see cref="EmulatedFunction"/> per handler. It needs no test framework: call the two
/// from a one-time set-up, and dispose of it at the end. xunit users take <c>LambdaFunctionFixture</c> from
/// <c>LambdaBootstrap.Testing.Xunit</c> (xunit v2) or <c>LambdaBootstrap.Testing.XunitV3</c>, which does both.
/// <code>
/// await using var project = new LambdaFunctionProject(LambdaFunctionProject.FindUpwards("src/Hello/Hello.csproj"));
/// await project.PublishAsync();
/// await using var function = await project.StartAsync("greet");
/// </code>
/// </summary>
public class LambdaFunctionProject : IAsyncDisposable
{
    private readonly string _projectPath;
    private readonly string[] _publishArguments;
    private readonly List<EmulatedFunction> _started = [];

    /// <param name="projectPath">The function's .csproj, or its folder.</param>
    /// <param name="publishArguments">More arguments for <c>dotnet publish</c>, e.g. <c>-r linux-arm64</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="projectPath"/> is null.</exception>
    public LambdaFunctionProject(string projectPath, params string[] publishArguments)
    {
        _projectPath = Path.GetFullPath(projectPath);
        _publishArguments = publishArguments;
        BootstrapPath = Path.Combine(AppContext.BaseDirectory, "lambda-bootstrap", Path.GetFileNameWithoutExtension(_projectPath), "bootstrap");
    }

    /// <summary>The function's project file (or folder), as given.</summary>
    public string ProjectPath => _projectPath;

    /// <summary>Where the published, checked bootstrap is, once <see cref="PublishAsync"/> has run.</summary>
    public string BootstrapPath { get; }

    /// <summary>The output of the publish, for a failing test's message.</summary>
    public string PublishOutput { get; private set; } = "";

    /// <summary>
    /// Finds <paramref name="relativePath"/> in the test's output folder or any folder above it, e.g. the function's
    /// project from the solution root. Throws when no folder above has it.
    /// </summary>
    /// <param name="relativePath">The path to find, relative to a folder, e.g. <c>src/Hello/Hello.csproj</c>.</param>
    /// <returns>The full path found.</returns>
    /// <exception cref="FileNotFoundException">No folder from the test's output folder up has <paramref name="relativePath"/>.</exception>
    public static string FindUpwards(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"no {relativePath} in {AppContext.BaseDirectory} or any folder above it");
    }

    /// <summary>
    /// Publishes the project: once, before the first test that starts it. Override it to take a bootstrap built
    /// elsewhere (say, by an earlier CI step) to <see cref="BootstrapPath"/> instead.
    /// </summary>
    /// <returns>A task that completes when the bootstrap is published and checked.</returns>
    /// <exception cref="InvalidOperationException">The publish failed; the message holds its output.</exception>
    public virtual async Task PublishAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_projectPath)!,
        };
        foreach (string argument in (string[])["publish", _projectPath, "-c", "Release", "--nologo", "-v", "quiet", $"-p:BootstrapOutputPath={BootstrapPath}", .. _publishArguments])
            start.ArgumentList.Add(argument);
        // The test host's own MSBuild settings must not leak into a separate build.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        using var publish = Process.Start(start)!;
        var stderr = publish.StandardError.ReadToEndAsync();
        string stdout = await publish.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await publish.WaitForExitAsync().ConfigureAwait(false);
        PublishOutput = stdout + await stderr.ConfigureAwait(false);
        if (publish.ExitCode != 0 || !File.Exists(BootstrapPath))
            throw new InvalidOperationException($"dotnet publish {_projectPath} failed with exit code {publish.ExitCode}:\n{PublishOutput}");
    }

    /// <summary>Starts the published bootstrap under the emulator with this handler; it is stopped at the end, when this project is disposed of.</summary>
    /// <param name="handler">The handler's name, as <c>_HANDLER</c>.</param>
    /// <param name="timeout">The function's timeout; 30 seconds when null.</param>
    /// <param name="environment">More environment variables for the function; none when null.</param>
    /// <returns>The running function.</returns>
    public async Task<EmulatedFunction> StartAsync(string handler, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var function = await EmulatedFunction.StartAsync(BootstrapPath, handler, timeout, environment).ConfigureAwait(false);
        lock (_started)
            _started.Add(function);
        return function;
    }

    /// <summary>Stops every function started from this project.</summary>
    /// <returns>A task that completes when they have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        EmulatedFunction[] started;
        lock (_started)
            started = _started.ToArray();
        foreach (var function in started)
            await function.DisposeAsync().ConfigureAwait(false);
    }
}
