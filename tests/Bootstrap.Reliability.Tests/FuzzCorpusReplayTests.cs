using Bootstrap.Fuzz;
using Bootstrap.Reliability.Tests.Properties;
using LambdaBootstrap.Runtime.Http;

namespace Bootstrap.Reliability.Tests;

/// <summary>
/// The fuzz target over the committed seed corpus and every regression input `make fuzz` has found: each one
/// finishes within a bound and lets nothing but the reader's own exceptions escape, in seconds, without AFL++.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class FuzzCorpusReplayTests
{
    private static readonly string FuzzDirectory = Path.Combine(BootstrapBinaries.RepoRoot, "tests", "Bootstrap.Fuzz");

    public static TheoryData<string> Inputs()
    {
        var inputs = new TheoryData<string>();
        foreach (string folder in new[] { "corpus", "regressions" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(FuzzDirectory, folder)).Where(f => !Path.GetFileName(f).StartsWith('.')).Order())
                inputs.Add(Path.Combine(folder, Path.GetFileName(file)));
        }
        return inputs;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task An_input_is_read_or_refused_cleanly_and_promptly(string input)
    {
        byte[] bytes = await File.ReadAllBytesAsync(Path.Combine(FuzzDirectory, input));
        var run = Task.Run(() => ResponseFuzzTarget.Run(bytes));
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))) == run, $"{input} did not finish within 10 s");
        await run;
    }

    [Fact]
    public void The_seed_corpus_is_real_replies_that_read_whole()
    {
        // Seeds the reader refused would teach the fuzzer nothing about the paths past them.
        foreach (string file in Directory.EnumerateFiles(Path.Combine(FuzzDirectory, "corpus")))
        {
            byte[] bytes = File.ReadAllBytes(file);
            var reader = new HttpResponseReader(new SplitStream(bytes[1..], [bytes[0] % 17 + 1]));
            var response = ParsedResponse.Read(reader);
            Assert.True(response.Status is >= 200 and < 600, Path.GetFileName(file));
        }
    }
}
