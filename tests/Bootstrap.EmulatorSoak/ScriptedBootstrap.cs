using System.Net.Http.Headers;
using System.Text;

namespace Bootstrap.EmulatorSoak;

/// <summary>
/// A bootstrap whose faults are scripted by its events: it echoes each event back, except that an event marked
/// <c>"fault":"crash"</c> makes it exit at once with status 3, and one marked <c>"fault":"hang"</c> makes it sleep
/// until the emulator's timeout kills it. Run as <c>emulator-soak scripted-bootstrap</c> from a one-line script.
/// </summary>
public static class ScriptedBootstrap
{
    public const string Command = "scripted-bootstrap";
    public const int CrashExitCode = 3;

    /// <summary>Writes the executable script that runs this bootstrap, into <paramref name="directory"/>; gives its path.</summary>
    public static string WriteScript(string directory)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the scripted bootstrap is a shell script: Linux only, like Lambda");
        string tool = typeof(ScriptedBootstrap).Assembly.Location;
        string path = Path.Combine(directory, "bootstrap");
        File.WriteAllText(path, $"#!/bin/sh\nexec dotnet '{tool}' {Command}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public static async Task<int> RunAsync()
    {
        string api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")
            ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set: run me as a Lambda bootstrap");
        using var http = new HttpClient { BaseAddress = new Uri($"http://{api}/2018-06-01/runtime/"), Timeout = Timeout.InfiniteTimeSpan };
        while (true)
        {
            using var next = await http.GetAsync("invocation/next");
            next.EnsureSuccessStatusCode();
            string requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
            byte[] @event = await next.Content.ReadAsByteArrayAsync();
            string text = Encoding.UTF8.GetString(@event);
            if (text.Contains("\"fault\":\"crash\"", StringComparison.Ordinal))
                return CrashExitCode;
            // A hung function never answers: Lambda ends it at its timeout, and so must the emulator.
            if (text.Contains("\"fault\":\"hang\"", StringComparison.Ordinal))
                await Task.Delay(Timeout.Infinite);
            using var content = new ByteArrayContent(@event);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var reply = await http.PostAsync($"invocation/{requestId}/response", content);
            reply.EnsureSuccessStatusCode();
        }
    }
}
