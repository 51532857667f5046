using System.Text.Json;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary><c>--traces FILE</c>: one X-Ray segment document per line, one per sampled invocation.</summary>
public sealed class TracesFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("traces-").FullName;

    [Fact]
    public async Task Each_invocation_is_one_segment_document_per_line_with_its_subsegments()
    {
        string bootstrap = TracedFunction.WriteTo(_directory);
        string first = Path.Combine(_directory, "first.json"), second = Path.Combine(_directory, "second.json");
        File.WriteAllText(first, """{"order":"o-1"}""");
        File.WriteAllText(second, """{"order":"o-2"}""");
        string traces = Path.Combine(_directory, "traces.jsonl");

        var (code, stdout, stderr) = await CliUnderTest.RunAsync($"--bootstrap {bootstrap} --event {first} --event {second} --traces {traces}");
        Assert.True(code == 0, stdout + stderr);

        string[] lines = File.ReadAllLines(traces);
        Assert.Equal(2, lines.Length);
        // Each line is written as its trace closes, which need not be in invocation order: order them by start.
        var documents = lines.Select(l => JsonDocument.Parse(l).RootElement).OrderBy(d => d.GetProperty("start_time").GetDouble()).ToList();
        foreach (var segment in documents)
        {
            // The fields every segment document must have, in X-Ray's formats.
            Assert.Matches("^[0-9a-f]{16}$", segment.GetProperty("id").GetString());
            Assert.Matches("^1-[0-9a-f]{8}-[0-9a-f]{24}$", segment.GetProperty("trace_id").GetString());
            Assert.Equal("function", segment.GetProperty("name").GetString());
            Assert.Equal("AWS::Lambda::Function", segment.GetProperty("origin").GetString());
            Assert.True(segment.GetProperty("end_time").GetDouble() >= segment.GetProperty("start_time").GetDouble());
            Assert.False(segment.TryGetProperty("in_progress", out _));
            foreach (var sub in segment.GetProperty("subsegments").EnumerateArray())
            {
                Assert.Matches("^[0-9a-f]{16}$", sub.GetProperty("id").GetString());
                Assert.True(sub.GetProperty("end_time").GetDouble() >= sub.GetProperty("start_time").GetDouble());
            }
        }
        string Names(JsonElement segment) => string.Join(",", segment.GetProperty("subsegments").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("Initialization,Invocation,Overhead,charge card", Names(documents[0]));
        Assert.Equal("Invocation,Overhead,charge card", Names(documents[1]));
        Assert.NotEqual(documents[0].GetProperty("trace_id").GetString(), documents[1].GetProperty("trace_id").GetString());
    }

    [Fact]
    public async Task A_file_it_cannot_write_is_a_one_line_error()
    {
        string bootstrap = TracedFunction.WriteTo(_directory);
        var (code, _, stderr) = await CliUnderTest.RunAsync($"--bootstrap {bootstrap} --traces {Path.Combine(_directory, "missing", "traces.jsonl")}");
        Assert.Equal(2, code);
        Assert.StartsWith("bootstrap-emulator: --traces: cannot write", stderr);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
