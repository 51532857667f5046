using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public class XRayErrorCauseTests
{
    private static ErrorReport Report(string type, string message, int frames, ErrorReport? cause = null) => new()
    {
        ErrorType = type,
        ErrorMessage = message,
        StackTrace = Enumerable.Range(0, frames).Select(i => $"at App.Handlers.Method{i}(String) + 0x{i:x}").ToArray(),
        Cause = cause,
        IsExceptionReport = true,
    };

    [Fact]
    public void The_cause_is_one_line_of_json_with_every_exception_in_the_chain()
    {
        var report = Report("InvalidOperationException", "outer \"quoted\"\nline", 2, Report("IOException", "inner ünïcode", 1));
        string cause = XRayErrorCause.From(report, "/var/task")!;

        Assert.DoesNotContain('\n', cause);
        Assert.True(cause.All(c => c < 128), "the header value must be ASCII");
        using var json = JsonDocument.Parse(cause);
        var root = json.RootElement;
        Assert.Equal("/var/task", root.GetProperty("working_directory").GetString());
        var exceptions = root.GetProperty("exceptions").EnumerateArray().ToList();
        Assert.Equal(["InvalidOperationException", "IOException"], exceptions.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("outer \"quoted\"\nline", exceptions[0].GetProperty("message").GetString());
        Assert.Equal("inner ünïcode", exceptions[1].GetProperty("message").GetString());
        var frame = exceptions[0].GetProperty("stack")[1];
        Assert.Equal("App.Handlers.Method1", frame.GetProperty("label").GetString());
        Assert.Equal("", frame.GetProperty("path").GetString());
        Assert.Equal(0, frame.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("paths").ValueKind);
    }

    [Fact]
    public void Frames_with_file_and_line_fill_path_line_and_paths()
    {
        var report = new ErrorReport
        {
            ErrorType = "E",
            ErrorMessage = "m",
            StackTrace = ["at App.Fn.Run(String s) in /src/app/Fn.cs:line 42", "at App.Fn.Main() in /src/app/Program.cs:line 7"],
        };
        using var json = JsonDocument.Parse(XRayErrorCause.From(report, "/")!);
        var frame = json.RootElement.GetProperty("exceptions")[0].GetProperty("stack")[0];
        Assert.Equal("/src/app/Fn.cs", frame.GetProperty("path").GetString());
        Assert.Equal(42, frame.GetProperty("line").GetInt32());
        Assert.Equal("App.Fn.Run", frame.GetProperty("label").GetString());
        Assert.Equal(["/src/app/Fn.cs", "/src/app/Program.cs"], json.RootElement.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void An_oversized_cause_drops_frames_but_keeps_every_type_and_message()
    {
        string longMessage = new('m', 20_000);
        var report = Report("Outer", longMessage, 5_000, Report("Inner", "inner message", 5_000));
        string cause = XRayErrorCause.From(report, "/var/task")!;

        Assert.True(Encoding.ASCII.GetByteCount(cause) < XRayErrorCause.MaxBytes);
        using var json = JsonDocument.Parse(cause);
        var exceptions = json.RootElement.GetProperty("exceptions").EnumerateArray().ToList();
        Assert.Equal(longMessage, exceptions[0].GetProperty("message").GetString());
        Assert.Equal("inner message", exceptions[1].GetProperty("message").GetString());
        int kept = exceptions[0].GetProperty("stack").GetArrayLength();
        Assert.InRange(kept, 1, 4_999);
    }

    [Fact]
    public void A_cause_that_cannot_fit_even_without_frames_is_left_out()
    {
        var report = Report("Huge", new string('x', XRayErrorCause.MaxBytes), 3);
        Assert.Null(XRayErrorCause.From(report, "/var/task"));
    }
}
