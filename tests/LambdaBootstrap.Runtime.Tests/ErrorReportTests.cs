using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public class ErrorReportTests
{
    /// <summary>An exception with a stack trace of our choosing.</summary>
    private sealed class FixedStackException(string message, string? stackTrace) : Exception(message)
    {
        public override string? StackTrace => stackTrace;
    }

    private static JsonDocument Json(ErrorReport report)
    {
        var output = new ArrayBufferWriter<byte>();
        report.WriteJson(output);
        return JsonDocument.Parse(output.WrittenMemory);
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowInvalidOperation() => throw new InvalidOperationException("the thing was in the wrong state");

    private static Exception Caught(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new InvalidOperationException("nothing was thrown");
    }

    [Fact]
    public void FromException_HasExactlyMessageTypeAndStackTrace()
    {
        var e = Caught(ThrowInvalidOperation);
        using var doc = Json(ErrorReport.FromException(e));
        var root = doc.RootElement;

        Assert.Equal(["errorMessage", "errorType", "stackTrace"], Names(root));
        Assert.Equal("the thing was in the wrong state", root.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", root.GetProperty("errorType").GetString());

        var frames = Strings(root.GetProperty("stackTrace"));
        Assert.NotEmpty(frames);
        Assert.StartsWith("at RuntimeTests.ErrorReportTests.ThrowInvalidOperation()", frames[0]);
        Assert.All(frames, f => Assert.Equal(f.Trim(), f));
        Assert.All(frames, f => Assert.DoesNotContain("\n", f));
    }

    [Fact]
    public void UnthrownException_HasAnEmptyStackTrace()
    {
        using var doc = Json(ErrorReport.FromException(new ArgumentException("bad")));
        Assert.Equal(0, doc.RootElement.GetProperty("stackTrace").GetArrayLength());
        Assert.Equal("ArgumentException", doc.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public void RuntimeErrorException_GivesItsErrorType()
    {
        var report = ErrorReport.FromException(new RuntimeErrorException("Runtime.SerializationError", "bad event"));
        Assert.Equal("Runtime.SerializationError", report.ErrorType);
        Assert.Equal("bad event", report.ErrorMessage);
        using var doc = Json(report);
        Assert.Equal("Runtime.SerializationError", doc.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public void Runtime_GivesTypeAndMessage()
    {
        var report = ErrorReport.Runtime("Runtime.HandlerNotFound", "no such handler");
        using var doc = Json(report);
        Assert.Equal(["errorMessage", "errorType", "stackTrace"], Names(doc.RootElement));
        Assert.Equal("Runtime.HandlerNotFound", doc.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("no such handler", doc.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("Runtime.HandlerNotFound: no such handler", report.ToString());
    }

    [Fact]
    public void InnerException_BecomesCause()
    {
        var inner = Caught(ThrowInvalidOperation);
        var outer = new RuntimeErrorException("Runtime.InitError", "init failed", new IOException("disk", new TimeoutException("slow")));
        var withInner = Caught(() => throw new ArgumentException("outer", inner));

        using var doc = Json(ErrorReport.FromException(outer));
        var cause = doc.RootElement.GetProperty("cause");
        Assert.Equal(["errorMessage", "errorType", "stackTrace", "cause"], Names(doc.RootElement));
        Assert.Equal("IOException", cause.GetProperty("errorType").GetString());
        Assert.Equal("disk", cause.GetProperty("errorMessage").GetString());
        var deeper = cause.GetProperty("cause");
        Assert.Equal("TimeoutException", deeper.GetProperty("errorType").GetString());
        Assert.False(deeper.TryGetProperty("cause", out _));

        using var doc2 = Json(ErrorReport.FromException(withInner));
        var thrownCause = doc2.RootElement.GetProperty("cause");
        Assert.Equal("InvalidOperationException", thrownCause.GetProperty("errorType").GetString());
        Assert.StartsWith("at RuntimeTests.ErrorReportTests.ThrowInvalidOperation()", Strings(thrownCause.GetProperty("stackTrace"))[0]);
    }

    [Fact]
    public void AggregateException_GivesCauses()
    {
        var aggregate = new AggregateException("several",
            new InvalidOperationException("one"), new ArgumentException("two"), new FormatException("three"));
        using var doc = Json(ErrorReport.FromException(aggregate));
        var causes = doc.RootElement.GetProperty("causes").EnumerateArray().ToArray();

        Assert.Equal(["InvalidOperationException", "ArgumentException", "FormatException"],
            causes.Select(c => c.GetProperty("errorType").GetString()));
        Assert.Equal(["one", "two", "three"], causes.Select(c => c.GetProperty("errorMessage").GetString()));
        Assert.Equal("AggregateException", doc.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public void AggregateException_WithOneInner_HasACauseButNoCauses()
    {
        using var doc = Json(ErrorReport.FromException(new AggregateException(new InvalidOperationException("only"))));
        Assert.False(doc.RootElement.TryGetProperty("causes", out _));
        Assert.Equal("only", doc.RootElement.GetProperty("cause").GetProperty("errorMessage").GetString());
    }

    [Fact]
    public void LongCauseChain_IsBounded()
    {
        // A chain of 100 inner exceptions still gives a finite, valid report.
        Exception e = new InvalidOperationException("bottom");
        for (int i = 0; i < 100; i++)
            e = new InvalidOperationException($"level {i}", e);
        using var doc = Json(ErrorReport.FromException(e));
        int depth = 0;
        for (var element = doc.RootElement; element.TryGetProperty("cause", out var next); element = next)
            depth++;
        Assert.InRange(depth, 1, 20);
    }

    [Theory]
    [InlineData("say \"hi\"")]
    [InlineData("C:\\path\\to\\file")]
    [InlineData("line one\nline two\r\nline three")]
    [InlineData("tab\there")]
    [InlineData("nul\0bell\u0007esc\u001bunit\u001f")]
    [InlineData("del\u007f")]
    [InlineData("naïve café – ünïcödé ✓ 日本語 😀")]
    [InlineData("\u2028\u2029")]
    [InlineData("</script>")]
    [InlineData("")]
    public void Strings_AreEscapedIntoValidJson_ThatRoundTrips(string text)
    {
        var report = ErrorReport.FromException(new FixedStackException(text, $"   at Frame.{text}()\n   at Other()"));
        var output = new ArrayBufferWriter<byte>();
        report.WriteJson(output);
        string raw = System.Text.Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.DoesNotContain(raw, c => c < 0x20);

        using var doc = JsonDocument.Parse(output.WrittenMemory);
        Assert.Equal(text, doc.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("FixedStackException", doc.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public void StackTraceLines_AreTrimmedAndSplit()
    {
        var report = ErrorReport.FromException(new FixedStackException("m", "   at A.B()\r\n   at C.D() in /src/x.cs:line 5\n\n   at E.F()"));
        Assert.Equal(["at A.B()", "at C.D() in /src/x.cs:line 5", "at E.F()"], report.StackTrace);
    }

    [Fact]
    public void FramesOfANamespaceThatBeginsWithTheRuntimes_AreKept()
    {
        const string trace =
            "   at LambdaBootstrap.Runtime.UserCode.Orders.Validate(String input)\n" +
            "   at LambdaBootstrap.Runtime.UserCode.Orders.Place(ReadOnlyMemory`1 e, ILambdaContext c)";
        var report = ErrorReport.FromException(new FixedStackException("m", trace));
        Assert.Equal(
            ["at LambdaBootstrap.Runtime.UserCode.Orders.Validate(String input)", "at LambdaBootstrap.Runtime.UserCode.Orders.Place(ReadOnlyMemory`1 e, ILambdaContext c)"],
            report.StackTrace);
    }

    [Fact]
    public void TrailingAsyncBoundaries_AreTrimmed_InnerOnesKept()
    {
        const string trace =
            "   at My.Function.Handle()\n" +
            "--- End of stack trace from previous location ---\n" +
            "   at My.Function.HandleAsync()\n" +
            "--- End of stack trace from previous location ---";
        var report = ErrorReport.FromException(new FixedStackException("m", trace));
        Assert.Equal(["at My.Function.Handle()", "--- End of stack trace from previous location ---", "at My.Function.HandleAsync()"], report.StackTrace);
    }

    [Fact]
    public async Task TheRuntimesFramesCallingAHandler_AreHidden()
    {
        var handler = Assert.IsAssignableFrom<BufferedHandler>(LambdaHandler.Bytes((e, c) =>
        {
            ThrowInvalidOperation();
            return e;
        }));
        using var context = TestData.Context();
        Exception? thrown = null;
        try
        {
            await handler.InvokeAsync(default, context, new ArrayBufferWriter<byte>());
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }

        var frames = ErrorReport.FromException(thrown!).StackTrace;
        Assert.StartsWith("at RuntimeTests.ErrorReportTests.ThrowInvalidOperation()", frames[0]);
        Assert.Contains(frames, f => f.StartsWith("at RuntimeTests.ErrorReportTests.TheRuntimesFramesCallingAHandler_AreHidden"));
        Assert.DoesNotContain(frames, f => f.StartsWith("at LambdaBootstrap.Runtime."));
    }

    [Fact]
    public void ContentType_IsLambdasErrorType()
    {
        Assert.Equal("application/vnd.aws.lambda.error+json", ErrorReport.ContentType);
    }
}
