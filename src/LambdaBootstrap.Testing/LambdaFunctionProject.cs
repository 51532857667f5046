using System.Diagnostics;
using Xunit;

namespace LambdaBootstrap.Testing;

/// <summary>
/// An xunit class fixture for end-to-end tests of a function project: it publishes the project once (a Native AOT
/// <c>dotnet publish -c Release</c>, checked like any deployment) and starts its bootstrap under the local emulator,
/// one <see cref="EmulatedFunction"/> per handler. Derive from it, naming the project:
/// <code>
/// public sealed class HelloFunction() : LambdaFunctionFixture(FindUpwards("src/Hello/Hello.csproj"));
/// public sealed class EndToEndTests(HelloFunction function) : IClassFixture&lt;HelloFunction&gt; { ... }
/// </code>
/// </summary>
public abstract class LambdaFunctionFixture : IAsyncLifetime
{
    private readonly string _projectPath;
    private readonly string[] _publishArguments;
    private readonly List<EmulatedFunction> _started = [];

    /// <param name="projectPath">The function's .csproj, or its folder.</param>
    /// <param name="publishArguments">More arguments for <c>dotnet publish</c>, e.g. <c>-r linux-arm64</c>.</param>
    protected LambdaFunctionFixture(string projectPath, params string[] publishArguments)
    {
        _projectPath = Path.GetFullPath(projectPath);
        _publishArguments = publishArguments;
        BootstrapPath = Path.Combine(AppContext.BaseDirectory, "lambda-bootstrap", Path.GetFileNameWithoutExtension(_projectPath), "bootstrap");
    }

    /// <summary>The function's project file (or folder), as given.</summary>
    public string ProjectPath => _projectPath;

    /// <summary>Where the published, checked bootstrap is, once <see cref="InitializeAsync"/> has run.</summary>
    public string BootstrapPath { get; }

    /// <summary>The output of the publish, for a failing test's message.</summary>
    public string PublishOutput { get; private set; } = "";

    /// <summary>
    /// Finds <paramref name="relativePath"/> in the test's output folder or any folder above it, e.g. the function's
    /// project from the solution root. Throws when no folder above has it.
    /// </summary>
    protected static string FindUpwards(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"no {relativePath} in {AppContext.BaseDirectory} or any folder above it");
    }

    /// <summary>Publishes the project (xunit calls this before the first test of the class).</summary>
    public async Task InitializeAsync()
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

    /// <summary>Starts the published bootstrap under the emulator with this handler; the fixture stops it at the end.</summary>
    public async Task<EmulatedFunction> StartAsync(string handler, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var function = await EmulatedFunction.StartAsync(BootstrapPath, handler, timeout, environment).ConfigureAwait(false);
        lock (_started)
            _started.Add(function);
        return function;
    }

    /// <summary>Stops every function this fixture started.</summary>
    public async Task DisposeAsync()
    {
        EmulatedFunction[] started;
        lock (_started)
            started = _started.ToArray();
        foreach (var function in started)
            await function.DisposeAsync().ConfigureAwait(false);
    }
}
