using System.Diagnostics;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.Processes;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>What a function's environment holds: Lambda's variables, the caller's credentials and region, --env-file, --env.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class FunctionEnvironmentTests
{
    /// <summary>A caller's environment: credentials and region, and what must not leak (a profile, HOME, PATH, a secret).</summary>
    private static readonly Dictionary<string, string> Caller = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDLOCAL", ["AWS_SECRET_ACCESS_KEY"] = "secret", ["AWS_SESSION_TOKEN"] = "token",
        ["AWS_REGION"] = "eu-west-3", ["AWS_DEFAULT_REGION"] = "eu-west-3",
        ["HOME"] = "/home/me", ["AWS_PROFILE"] = "dev", ["PATH"] = "/home/me/bin:/usr/bin", ["CALLERS_SECRET"] = "leak",
    };

    private static void AssertOnlyCredentialsAndRegionPassed(IReadOnlyDictionary<string, string> environment)
    {
        foreach (string name in LambdaEnvironment.PassThrough)
            Assert.Equal(Caller[name], environment[name]);
        Assert.Equal(LambdaEnvironment.LambdaPath, environment["PATH"]);
        Assert.False(environment.ContainsKey("HOME"));
        Assert.False(environment.ContainsKey("AWS_PROFILE"));
        Assert.DoesNotContain("leak", environment.Values);
    }

    [Fact]
    public void Only_the_credentials_and_the_region_pass_from_the_callers_environment()
    {
        var environment = LambdaEnvironment.Build(new RuntimeApiOptions(), "127.0.0.1:1", "echo", 128, "/var/task", Caller);
        AssertOnlyCredentialsAndRegionPassed(environment);

        var bare = LambdaEnvironment.Build(new RuntimeApiOptions(), "127.0.0.1:1", "echo", 128, "/var/task", new Dictionary<string, string>());
        Assert.Equal("us-east-1", bare["AWS_REGION"]);
        Assert.False(bare.ContainsKey("AWS_ACCESS_KEY_ID"));
    }

    [Fact]
    public void A_function_without_a_session_token_of_its_callers_gets_one_made_for_it()
    {
        var function = new RuntimeApiOptions();
        var bare = LambdaEnvironment.Build(function, "127.0.0.1:1", "echo", 128, "/var/task", new Dictionary<string, string>());
        Assert.Equal(function.SessionToken, bare["AWS_SESSION_TOKEN"]);
        Assert.True(function.SessionToken.Length >= 32);
        Assert.NotEqual(function.SessionToken, new RuntimeApiOptions().SessionToken);
    }

    [Fact]
    public void A_dotenv_file_reads_bare_quoted_and_exported_values()
    {
        var variables = DotEnvFile.Parse("""
            # settings
            PLAIN=value
            SPACED = spaced value  # a comment
            export EXPORTED=yes
            DOUBLE="two\nlines # kept"
            SINGLE='as \n written'
            EMPTY=
            URL=http://host/#fragment

            """, "app.env");
        Assert.Equal(
            [new("PLAIN", "value"), new("SPACED", "spaced value"), new("EXPORTED", "yes"), new("DOUBLE", "two\nlines # kept"),
             new("SINGLE", "as \\n written"), new("EMPTY", ""), new("URL", "http://host/#fragment")],
            variables);
    }

    [Theory]
    [InlineData("NOEQUALS", "app.env:2: expected NAME=value, got 'NOEQUALS'")]
    [InlineData("1BAD=x", "app.env:2: '1BAD' is not a variable name")]
    [InlineData("OPEN=\"unclosed", "app.env:2: the value's closing \" is missing")]
    [InlineData("TAIL='x' y", "app.env:2: unexpected text after the quoted value: 'y'")]
    public void A_line_it_cannot_read_is_one_error_naming_the_file_and_line(string line, string message)
    {
        var error = Assert.Throws<EmulatorException>(() => DotEnvFile.Parse($"OK=1\n{line}\n", "app.env"));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Env_wins_over_env_file_wherever_it_stands_and_later_files_win_over_earlier()
    {
        string directory = Directory.CreateTempSubdirectory("env-files-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "a.env"), "A=file-a\nB=file-a\nC=file-a\n");
            File.WriteAllText(Path.Combine(directory, "b.env"), "B=file-b\n");
            var commandLine = EmulatorCommandLine.Parse(["--env", "C=flag", "--env-file", Path.Combine(directory, "a.env"),
                "--env-file", Path.Combine(directory, "b.env"), "--bootstrap", "/bin/true"]);
            Assert.Equal("file-a", commandLine.Environment["A"]);
            Assert.Equal("file-b", commandLine.Environment["B"]);
            Assert.Equal("flag", commandLine.Environment["C"]);
            var missing = Assert.Throws<EmulatorException>(() => EmulatorCommandLine.Parse(["--env-file", "/no/such.env", "--bootstrap", "/bin/true"]));
            Assert.Equal("env file not found: /no/such.env", missing.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_emulator_gives_its_bootstrap_Lambdas_variables_the_callers_credentials_the_files_and_flags_and_nothing_else()
    {
        string directory = Directory.CreateTempSubdirectory("env-bootstrap-").FullName;
        try
        {
            string bootstrap = Path.Combine(directory, "bootstrap");
            File.WriteAllText(bootstrap, "#!/bin/sh\nenv | sed 's/^/ENV /'\necho ENV-END\nexec sleep 600\n");
            if (!OperatingSystem.IsLinux())
                throw new PlatformNotSupportedException("the bootstrap here is a shell script: Linux only, like Lambda");
            File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.WriteAllText(Path.Combine(directory, "app.env"), "FROM_FILE=file\nOVERRIDDEN=file\n");

            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "bootstrap-emulator.dll"), "--bootstrap", bootstrap, "--port", "0",
                         "--timeout", "30", "--env", "OVERRIDDEN=flag", "--env-file", Path.Combine(directory, "app.env") })
                info.ArgumentList.Add(argument);
            foreach (var (name, value) in Caller.Where(v => v.Key is not ("PATH" or "HOME")))
                info.Environment[name] = value; // the emulator itself keeps its own PATH and HOME to start
            using var emulator = Process.Start(info)!;
            try
            {
                string? line = null;
                while (line is null || !line.StartsWith("emulator: Runtime API on"))
                    line = await emulator.StandardOutput.ReadLineAsync().WaitAsync(FakeRuntime.Patience);
                int port = int.Parse(line.Split("http://127.0.0.1:")[1].Split('/')[0]);
                using var http = new HttpClient();
                _ = http.PostAsync($"http://127.0.0.1:{port}/2015-03-31/functions/function/invocations", new StringContent("{}")); // starts it cold

                var environment = new Dictionary<string, string>();
                while ((line = await emulator.StandardOutput.ReadLineAsync().WaitAsync(FakeRuntime.Patience)) != "ENV-END")
                {
                    if (line?.StartsWith("ENV ", StringComparison.Ordinal) == true && line.IndexOf('=') is > 4 and var equals)
                        environment[line[4..equals]] = line[(equals + 1)..];
                }
                AssertOnlyCredentialsAndRegionPassed(environment);
                Assert.Equal("file", environment["FROM_FILE"]);
                Assert.Equal("flag", environment["OVERRIDDEN"]);
                Assert.Equal("function", environment["AWS_LAMBDA_FUNCTION_NAME"]);
                Assert.StartsWith("127.0.0.1:", environment["AWS_LAMBDA_RUNTIME_API"]);
            }
            finally
            {
                emulator.Kill(entireProcessTree: true);
                await emulator.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
