using System.Diagnostics;
using System.Threading.Channels;
using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator.Watch;

/// <summary>
/// <c>--watch PROJECT_DIR</c>: builds the function project (a JIT build: seconds, where Native AOT takes tens of
/// them), and rebuilds it on every source change under the folder; each good build is handed on, so the next
/// invoke starts it cold. A failed build is printed and changes nothing. Changes during a build, or in a burst,
/// coalesce into one rebuild.
/// </summary>
internal sealed class ProjectWatcher : IAsyncDisposable
{
    // A save often comes as several events (temporary file, rename, write): wait for the burst to end.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private readonly string _project;
    private readonly string _builds = Directory.CreateTempSubdirectory("bootstrap-emulator-watch-").FullName;
    private readonly Action<string, bool> _output;
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private FileSystemWatcher? _watcher;
    private Task _loop = Task.CompletedTask;
    private int _buildNumber;
    // A rebuild skips restore unless a project file changed.
    private volatile bool _projectFileChanged = true;

    public ProjectWatcher(string projectDirectory, Action<string, bool> output)
    {
        _project = Path.GetFullPath(projectDirectory);
        _output = output;
    }

    /// <summary>Builds once; the bootstrap's path, or an <see cref="EmulatorException"/> when the first build fails.</summary>
    public async Task<string> BuildFirstAsync()
    {
        if (!Directory.Exists(_project))
            throw new EmulatorException($"project folder not found: {_project}");
        return await BuildAsync() ?? throw new EmulatorException($"the first build of {_project} failed (see above)");
    }

    /// <summary>Watches for changes from now on; each good rebuild's bootstrap goes to <paramref name="rebuilt"/>.</summary>
    public void Start(Action<string> rebuilt)
    {
        _watcher = new FileSystemWatcher(_project) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite };
        FileSystemEventHandler changed = (_, e) => OnChanged(e.FullPath);
        _watcher.Changed += changed;
        _watcher.Created += changed;
        _watcher.Deleted += changed;
        _watcher.Renamed += (_, e) => OnChanged(e.FullPath);
        _watcher.EnableRaisingEvents = true;
        _loop = Task.Run(() => LoopAsync(rebuilt));
    }

    private void OnChanged(string path)
    {
        string relative = Path.GetRelativePath(_project, path);
        string first = relative.Split(Path.DirectorySeparatorChar)[0];
        if (first is "bin" or "obj" or ".git" || relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
            || relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            return; // the build's own output
        if (Path.GetExtension(path) is ".csproj" or ".props" or ".targets" or ".json")
            _projectFileChanged = true;
        _changed.Writer.TryWrite(true);
    }

    private async Task LoopAsync(Action<string> rebuilt)
    {
        try
        {
            while (await _changed.Reader.WaitToReadAsync(_stop.Token))
            {
                await Task.Delay(Quiet, _stop.Token);
                _changed.Reader.TryRead(out _);
                var clock = Stopwatch.StartNew();
                _output("emulator: watch: a change: rebuilding", false);
                if (await BuildAsync() is { } bootstrap)
                {
                    rebuilt(bootstrap);
                    _output($"emulator: watch: rebuilt in {clock.Elapsed.TotalSeconds:0.0} s; the next invoke starts it cold", false);
                }
                else
                {
                    _output("emulator: watch: the build failed; the previous build keeps serving", true);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>One build into a folder of its own (the running one is left alone); its bootstrap, or null after printing the errors.</summary>
    private async Task<string?> BuildAsync()
    {
        string output = Path.Combine(_builds, $"build-{++_buildNumber}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // -t:Build by name: a project whose imports define a target before the SDK's would otherwise run only that one.
        foreach (string argument in new[] { "build", _project, "-t:Build", "--nologo", "-v", "quiet", "-clp:NoSummary", "-o", output })
            info.ArgumentList.Add(argument);
        bool full = _projectFileChanged;
        _projectFileChanged = false;
        if (!full)
            info.ArgumentList.Add("--no-restore");
        using var build = Process.Start(info) ?? throw new EmulatorException("cannot start dotnet build");
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        string bootstrap = Path.Combine(output, "bootstrap");
        if (build.ExitCode == 0 && File.Exists(bootstrap))
        {
            DeleteOlderBuilds(keep: 2);
            return bootstrap;
        }
        _projectFileChanged |= full; // a failed full build is tried in full again
        var lines = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        foreach (string line in lines.Count > 0 ? lines : [$"dotnet build exited with {build.ExitCode} and no bootstrap in {output}"])
            _output($"emulator: watch: {line}", true);
        return null;
    }

    /// <summary>Keeps the newest builds (the one serving may still be running until the next invoke).</summary>
    private void DeleteOlderBuilds(int keep)
    {
        foreach (var old in new DirectoryInfo(_builds).GetDirectories("build-*")
                     .OrderByDescending(d => int.Parse(d.Name["build-".Length..])).Skip(keep))
        {
            try
            {
                old.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _watcher?.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            Directory.Delete(_builds, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
