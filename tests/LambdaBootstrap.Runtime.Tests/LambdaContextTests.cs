using System.Text;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Logging;
using static RuntimeTests.TestData;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public class LambdaContextTests
{
    private static void Send(InvocationHeaders headers, string name, string value) =>
        headers.OnHeader(Encoding.ASCII.GetBytes(name), Encoding.UTF8.GetBytes(value));

    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static (LambdaContext Context, MemoryStream Log) WithJson(string header, string json)
    {
        var headers = Headers("req-json");
        Send(headers, header, json);
        var log = new MemoryStream();
        return (new LambdaContext(headers, Function, new LogWriter(log, LogFormat.Text, LogLevel.Information)), log);
    }

    private static string[] Lines(MemoryStream log) =>
        Encoding.UTF8.GetString(log.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Fields_ComeFromHeadersAndFunctionSettings()
    {
        var headers = Headers("req-42", 1767225600123);
        Send(headers, "Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:1:function:my-function");
        Send(headers, "Lambda-Runtime-Trace-Id", "Root=1-abc");
        Send(headers, "Lambda-Runtime-Aws-Tenant-Id", "tenant-9");
        Send(headers, "Lambda-Runtime-Invocation-Id", "inv-3");

        using var context = new LambdaContext(headers, Function, QuietLog());

        Assert.Equal("req-42", context.AwsRequestId);
        Assert.Equal("arn:aws:lambda:eu-west-1:1:function:my-function", context.InvokedFunctionArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600123), context.Deadline);
        Assert.Equal("Root=1-abc", context.TraceId);
        Assert.Equal("tenant-9", context.TenantId);
        Assert.Equal("inv-3", context.InvocationId);
        Assert.Equal("my-function", context.FunctionName);
        Assert.Equal("7", context.FunctionVersion);
        Assert.Equal(512, context.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/my-function", context.LogGroupName);
        Assert.Equal("2026/01/01/[7]abc", context.LogStreamName);
    }

    [Fact]
    public void MissingOptionalHeaders_AreNull()
    {
        using var context = Context("only-id");
        ILambdaContext c = context;
        Assert.Equal("only-id", c.AwsRequestId);
        Assert.Null(c.InvokedFunctionArn);
        Assert.Null(c.TraceId);
        Assert.Null(c.TenantId);
        Assert.Null(context.InvocationId);
        Assert.Null(c.ClientContext);
        Assert.Null(c.Identity);
        Assert.Equal(DateTimeOffset.MaxValue, c.Deadline);
        Assert.True(c.RemainingTime > TimeSpan.FromDays(365));
        Assert.False(c.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void MissingRequestId_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new LambdaContext(new InvocationHeaders(), Function, QuietLog()));
    }

    [Fact]
    public void RemainingTime_IsTheTimeToTheDeadline()
    {
        using var context = Context(deadlineMs: NowMs + 60_000);
        var left = context.RemainingTime;
        Assert.InRange(left, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
        // Wait for the clock itself to move on by more than its resolution, not for a guessed span of time.
        var now = DateTimeOffset.UtcNow;
        Assert.True(SpinWait.SpinUntil(() => DateTimeOffset.UtcNow > now.AddMilliseconds(2), TimeSpan.FromSeconds(10)));
        Assert.True(context.RemainingTime < left, "RemainingTime does not decrease");
    }

    [Fact]
    public void RemainingTime_IsZeroAfterTheDeadline()
    {
        using var context = Context(deadlineMs: NowMs - 1_000);
        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }

    [Fact]
    public void CancellationToken_IsCancelledAtTheDeadline()
    {
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(NowMs + 200);
        using var context = Context(deadlineMs: deadline.ToUnixTimeMilliseconds());
        var token = context.CancellationToken;
        // Checked only while well before the deadline, so a slow machine cannot fail it.
        if (DateTimeOffset.UtcNow < deadline - TimeSpan.FromMilliseconds(50))
            Assert.False(token.IsCancellationRequested, "cancelled long before the deadline");

        Assert.True(token.WaitHandle.WaitOne(TimeSpan.FromSeconds(5)), "not cancelled 5 s after the deadline");
        var cancelledAt = DateTimeOffset.UtcNow;
        Assert.True(cancelledAt >= deadline - TimeSpan.FromMilliseconds(20), $"cancelled {(deadline - cancelledAt).TotalMilliseconds} ms early");
        Assert.InRange(context.RemainingTime, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
        Assert.Equal(token, context.CancellationToken);
    }

    [Fact]
    public void CancellationToken_IsAlreadyCancelledPastTheDeadline()
    {
        using var context = Context(deadlineMs: NowMs - 5);
        Assert.True(context.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void ClientContext_IsParsed()
    {
        const string json = """
            {"client":{"installation_id":"inst-1","app_title":"My App","app_version_name":"1.2.3","app_version_code":42,"app_package_name":"com.example.app","extra":{"x":1}},
             "custom":{"plan":"pro","count":3,"flag":true,"nested":{"skip":"me"},"nothing":null},
             "env":{"platform":"Android","locale":"fr_FR"},
             "ignored":[1,2,3]}
            """;
        var (context, log) = WithJson("Lambda-Runtime-Client-Context", json);
        var cc = context.ClientContext;

        Assert.NotNull(cc);
        Assert.NotNull(cc.Client);
        Assert.Equal("inst-1", cc.Client.InstallationId);
        Assert.Equal("My App", cc.Client.AppTitle);
        Assert.Equal("1.2.3", cc.Client.AppVersionName);
        Assert.Equal("42", cc.Client.AppVersionCode);
        Assert.Equal("com.example.app", cc.Client.AppPackageName);
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "pro", ["count"] = "3", ["flag"] = "true" }, cc.Custom);
        Assert.Equal(new Dictionary<string, string> { ["platform"] = "Android", ["locale"] = "fr_FR" }, cc.Environment);
        Assert.Same(cc, context.ClientContext);
        Assert.Empty(Lines(log));
    }

    [Fact]
    public void ClientContext_WithOnlySomeParts_HasEmptyMaps()
    {
        var (context, _) = WithJson("Lambda-Runtime-Client-Context", """{"client":null,"custom":null}""");
        var cc = context.ClientContext;
        Assert.NotNull(cc);
        Assert.Null(cc.Client);
        Assert.Empty(cc.Custom);
        Assert.Empty(cc.Environment);
    }

    [Fact]
    public void Identity_IsParsed()
    {
        var (context, log) = WithJson("Lambda-Runtime-Cognito-Identity",
            """{"cognitoIdentityId":"us-east-1:1234","cognitoIdentityPoolId":"us-east-1:pool","other":{"a":[1]}}""");
        var identity = context.Identity;
        Assert.NotNull(identity);
        Assert.Equal("us-east-1:1234", identity.IdentityId);
        Assert.Equal("us-east-1:pool", identity.IdentityPoolId);
        Assert.Empty(Lines(log));
    }

    // Not JSON objects at all: invalid for both headers.
    public static TheoryData<string> InvalidJson => new()
    {
        "not json",
        "{",
        "}",
        "[1,2]",
        "\"a string\"",
        "42",
        "null",
        "{\"cognitoIdentityId\":\"x\"",
        "{\"custom\":{\"a\":}}",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{'a':1}",
        "   ",
    };

    // Valid JSON, but not the client context's shape.
    public static TheoryData<string> WrongClientContextShape => new()
    {
        "{\"client\":5}",
        "{\"client\":\"text\"}",
        "{\"client\":[]}",
        "{\"custom\":[1]}",
        "{\"env\":\"x\"}",
    };

    [Theory]
    [MemberData(nameof(InvalidJson))]
    [MemberData(nameof(WrongClientContextShape))]
    public void InvalidClientContext_IsNull_AndLogsAWarning(string json)
    {
        var (context, log) = WithJson("Lambda-Runtime-Client-Context", json);
        Assert.Null(context.ClientContext);
        var line = Assert.Single(Lines(log));
        Assert.Contains("\treq-json\tWARN\tignoring Lambda-Runtime-Client-Context: ", line);
    }

    [Theory]
    [MemberData(nameof(InvalidJson))]
    public void InvalidIdentity_IsNull_AndLogsAWarning(string json)
    {
        var (context, log) = WithJson("Lambda-Runtime-Cognito-Identity", json);
        Assert.Null(context.Identity);
        var line = Assert.Single(Lines(log));
        Assert.Contains("\treq-json\tWARN\tignoring Lambda-Runtime-Cognito-Identity: ", line);
    }

    [Fact]
    public void InvalidClientContext_IsReportedOnce_HoweverOftenItIsRead()
    {
        var (context, log) = WithJson("Lambda-Runtime-Client-Context", "not json");
        for (int i = 0; i < 3; i++)
            Assert.Null(context.ClientContext);
        Assert.Single(Lines(log));
    }

    [Fact]
    public void ContextsFromAReusedHeadersInstance_ShareNothing()
    {
        var headers = new InvocationHeaders();
        Send(headers, "Lambda-Runtime-Aws-Request-Id", "first");
        Send(headers, "Lambda-Runtime-Deadline-Ms", (NowMs + 60_000).ToString());
        Send(headers, "Lambda-Runtime-Trace-Id", "Root=first");
        Send(headers, "Lambda-Runtime-Invoked-Function-Arn", "arn:first");
        Send(headers, "Lambda-Runtime-Client-Context", """{"custom":{"who":"first"}}""");
        Send(headers, "Lambda-Runtime-Cognito-Identity", """{"cognitoIdentityId":"id-first"}""");
        Send(headers, "Lambda-Runtime-Invocation-Id", "inv-first");
        using var first = new LambdaContext(headers, Function, QuietLog());

        headers.Reset();
        Send(headers, "Lambda-Runtime-Aws-Request-Id", "second");
        Send(headers, "Lambda-Runtime-Client-Context", """{"custom":{"who":"second"}}""");
        using var second = new LambdaContext(headers, Function, QuietLog());
        headers.Reset();

        // The first context's lazily parsed values are read only now, after two resets.
        Assert.Equal("first", first.AwsRequestId);
        Assert.Equal("Root=first", first.TraceId);
        Assert.Equal("arn:first", first.InvokedFunctionArn);
        Assert.Equal("inv-first", first.InvocationId);
        Assert.Equal("first", first.ClientContext!.Custom["who"]);
        Assert.Equal("id-first", first.Identity!.IdentityId);
        Assert.True(first.RemainingTime > TimeSpan.FromSeconds(50));

        Assert.Equal("second", second.AwsRequestId);
        Assert.Null(second.TraceId);
        Assert.Null(second.InvokedFunctionArn);
        Assert.Null(second.InvocationId);
        Assert.Null(second.Identity);
        Assert.Equal("second", second.ClientContext!.Custom["who"]);
        Assert.Equal(DateTimeOffset.MaxValue, second.Deadline);
    }

    [Fact]
    public void Logger_WritesWithTheRequestIdAndTraceId()
    {
        var headers = Headers("req-log");
        Send(headers, "Lambda-Runtime-Trace-Id", "Root=1-xyz");
        var output = new MemoryStream();
        using var context = new LambdaContext(headers, Function, new LogWriter(output, LogFormat.Json, LogLevel.Information));

        context.Logger.LogInformation("hello");
        context.Logger.LogDebug("dropped");
        context.Logger.LogLine("line");

        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        using var doc = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.Equal("req-log", doc.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("Root=1-xyz", doc.RootElement.GetProperty("traceId").GetString());
        Assert.Equal("hello", doc.RootElement.GetProperty("message").GetString());
        Assert.Equal("INFO", doc.RootElement.GetProperty("level").GetString());
        Assert.Contains("\"message\":\"line\"", lines[1]);
    }
}
