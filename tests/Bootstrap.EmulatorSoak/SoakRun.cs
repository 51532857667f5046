namespace Bootstrap.EmulatorSoak;

/// <summary>One run: the emulator started on its bootstrap, the load for the duration, its RSS sampled, then the report.</summary>
public static class SoakRun
{
    public static async Task<SoakReport> RunAsync(string name, SoakOptions options)
    {
        string? scratch = options.Bootstrap is null ? Directory.CreateTempSubdirectory("emulator-soak-").FullName : null;
        try
        {
            string bootstrap = options.Bootstrap ?? ScriptedBootstrap.WriteScript(scratch!);
            var arguments = new List<string>
            {
                "--bootstrap", bootstrap,
                "--max-concurrency", options.MaxConcurrency.ToString(),
                "--max-queued", options.MaxQueued.ToString(),
                "--timeout", options.TimeoutSeconds.ToString(),
            };
            if (options.Handler is { } handler)
                arguments.AddRange(["--handler", handler]);

            var emulator = await EmulatorProcess.StartAsync(options.EmulatorDll, arguments);
            await using (emulator)
            {
                var load = new LoadGenerator(emulator.Port, options.Clients, options.Faults, collateralAllowed: options.MaxConcurrency > 1);
                var sampler = new RssSampler(emulator.Pid, TimeSpan.FromSeconds(1));
                await load.RunAsync(options.Duration);
                await sampler.DisposeAsync();
                await emulator.WaitForReportLinesAsync(load.Book.Invocations, TimeSpan.FromSeconds(10));
                return new SoakReport(name, load.Book, emulator.ReportLines, emulator.DuplicateReports, sampler.Samples, options);
            }
        }
        finally
        {
            if (scratch is not null)
                Directory.Delete(scratch, recursive: true);
        }
    }
}
