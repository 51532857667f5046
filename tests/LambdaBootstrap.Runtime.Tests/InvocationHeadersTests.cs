using System.Text;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Http;
using static RuntimeTests.TestData;

namespace RuntimeTests;

[Trait(Tier.Name, Tier.Unit)]
public class InvocationHeadersTests
{
    private static void Send(InvocationHeaders headers, string name, string value) =>
        headers.OnHeader(Encoding.ASCII.GetBytes(name), Encoding.UTF8.GetBytes(value));

    public static TheoryData<string, string> TextHeaders => new()
    {
        { "Aws-Request-Id", "8476a536-e9f4-11e8-9739-2dfe598c3fcd" },
        { "Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:f" },
        { "Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1" },
        { "Client-Context", "{\"custom\":{\"a\":\"b\"}}" },
        { "Cognito-Identity", "{\"cognitoIdentityId\":\"id\"}" },
        { "Aws-Tenant-Id", "tenant-7" },
        { "Invocation-Id", "inv-42" },
        { "Function-Error-Type", "Runtime.Unknown" },
    };

    private static readonly string[] Suffixes = TextHeaders.Select(row => (string)row[0]).ToArray();

    private static string? Field(InvocationHeaders h, string suffix) => suffix switch
    {
        "Aws-Request-Id" => h.RequestId,
        "Invoked-Function-Arn" => h.InvokedFunctionArn,
        "Trace-Id" => h.TraceId,
        "Client-Context" => h.ClientContext,
        "Cognito-Identity" => h.CognitoIdentity,
        "Aws-Tenant-Id" => h.TenantId,
        "Invocation-Id" => h.InvocationId,
        "Function-Error-Type" => h.ErrorType,
        _ => throw new ArgumentException(suffix),
    };

    [Theory]
    [MemberData(nameof(TextHeaders))]
    public void EachHeader_IsCaptured_InAnyCase(string suffix, string value)
    {
        foreach (string name in new[] { "Lambda-Runtime-" + suffix, ("Lambda-Runtime-" + suffix).ToLowerInvariant(), ("Lambda-Runtime-" + suffix).ToUpperInvariant() })
        {
            var headers = new InvocationHeaders();
            Send(headers, name, value);
            Assert.Equal(value, Field(headers, suffix));
        }
    }

    [Theory]
    [MemberData(nameof(TextHeaders))]
    public void EachHeader_SetsOnlyItsOwnField(string suffix, string value)
    {
        var headers = new InvocationHeaders();
        Send(headers, "Lambda-Runtime-" + suffix, value);
        int set = Suffixes.Count(s => Field(headers, s) is not null);
        Assert.Equal(1, set);
        Assert.NotNull(Field(headers, suffix));
        Assert.Null(headers.DeadlineMs);
    }

    [Theory]
    [InlineData("Lambda-Runtime-Deadline-Ms")]
    [InlineData("lambda-runtime-deadline-ms")]
    [InlineData("LAMBDA-RUNTIME-DEADLINE-MS")]
    public void DeadlineMs_IsParsed_InAnyCase(string name)
    {
        var headers = new InvocationHeaders();
        Send(headers, name, "1767225600123");
        Assert.Equal(1767225600123L, headers.DeadlineMs);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("12.5")]
    [InlineData("123abc")]
    [InlineData("1e10")]
    [InlineData("99999999999999999999999")]
    [InlineData("")]
    public void BadDeadlineMs_IsNull(string value)
    {
        var headers = new InvocationHeaders();
        Send(headers, "Lambda-Runtime-Deadline-Ms", "1000");
        Send(headers, "Lambda-Runtime-Deadline-Ms", value);
        Assert.Null(headers.DeadlineMs);
    }

    [Theory]
    [MemberData(nameof(TextHeaders))]
    public void EmptyValue_IsNull(string suffix, string value)
    {
        var headers = new InvocationHeaders();
        Send(headers, "Lambda-Runtime-" + suffix, value);
        Send(headers, "Lambda-Runtime-" + suffix, "");
        Assert.Null(Field(headers, suffix));
    }

    [Fact]
    public void Values_AreDecodedAsUtf8()
    {
        var headers = new InvocationHeaders();
        Send(headers, "Lambda-Runtime-Aws-Tenant-Id", "tenant-é");
        Assert.Equal("tenant-é", headers.TenantId);
    }

    [Theory]
    [InlineData("Content-Length")]
    [InlineData("Lambda-Runtime-")]
    [InlineData("Lambda-Runtime-Unknown")]
    [InlineData("Lambda-Runtime-Aws-Request-Id-Extra")]
    [InlineData("X-Lambda-Runtime-Aws-Request-Id")]
    [InlineData("Lambda-Runtime-Trace")]
    public void OtherHeaders_AreIgnored(string name)
    {
        var headers = new InvocationHeaders();
        Send(headers, name, "value");
        Assert.All(Suffixes, s => Assert.Null(Field(headers, s)));
        Assert.Null(headers.DeadlineMs);
    }

    [Fact]
    public void Reset_ClearsEverything()
    {
        var headers = new InvocationHeaders();
        foreach (var row in TextHeaders)
            Send(headers, "Lambda-Runtime-" + (string)row[0], (string)row[1]);
        Send(headers, "Lambda-Runtime-Deadline-Ms", "42");
        Assert.All(Suffixes, s => Assert.NotNull(Field(headers, s)));

        headers.Reset();

        Assert.All(Suffixes, s => Assert.Null(Field(headers, s)));
        Assert.Null(headers.DeadlineMs);
    }

    [Fact]
    public void FromAParsedHead_EveryHeaderIsCaptured()
    {
        const string head =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" +
            "lambda-runtime-aws-request-id: r-1\r\nLAMBDA-RUNTIME-DEADLINE-MS: 1700000000000\r\n" +
            "Lambda-Runtime-Invoked-Function-Arn: arn:x\r\nLambda-Runtime-Trace-Id: Root=1\r\n" +
            "Content-Length: 2\r\n\r\n{}";
        var headers = new InvocationHeaders();
        Assert.True(HttpResponseParser.TryParseHead(Ascii(head), headers, out _, out _));
        Assert.Equal("r-1", headers.RequestId);
        Assert.Equal(1700000000000L, headers.DeadlineMs);
        Assert.Equal("arn:x", headers.InvokedFunctionArn);
        Assert.Equal("Root=1", headers.TraceId);
        Assert.Null(headers.ClientContext);
    }
}
