using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>What the `context` handler sees: headers, environment and trace propagation.</summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class ContextTests
{
    private static readonly string[] Fields =
    [
        "awsRequestId", "functionName", "functionVersion", "invokedFunctionArn", "memoryLimitInMB", "logGroupName",
        "logStreamName", "remainingTimeMs", "traceId", "traceEnv", "clientContext", "identity", "tenantId",
    ];

    [Fact]
    public async Task Context_reports_every_field_from_headers_and_environment()
    {
        var options = new RuntimeApiOptions { FunctionName = "my-fn", FunctionVersion = "7", Timeout = TimeSpan.FromSeconds(30) };
        await using var function = await FunctionUnderTest.StartAsync("context", options,
            new Dictionary<string, string> { ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512" });
        var invocation = function.Api.Enqueue("{}"u8.ToArray(), new InvokeOptions
        {
            ClientContext = "{\"client\":{\"installation_id\":\"inst-1\",\"app_title\":\"App\",\"app_version_name\":\"1.2\",\"app_version_code\":\"12\",\"app_package_name\":\"com.example\"},\"custom\":{\"k\":\"v\"},\"env\":{\"platform\":\"Android\"}}",
            CognitoIdentity = "{\"cognitoIdentityId\":\"us-east-1:abc\",\"cognitoIdentityPoolId\":\"us-east-1:pool\"}",
            TenantId = "tenant-42",
        });
        var outcome = await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience);

        Assert.False(outcome.IsError, outcome.BodyText);
        using var json = JsonDocument.Parse(outcome.Body);
        var root = json.RootElement;
        Assert.Equal(Fields.Order(), root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(invocation.RequestId, root.GetProperty("awsRequestId").GetString());
        Assert.Equal("my-fn", root.GetProperty("functionName").GetString());
        Assert.Equal("7", root.GetProperty("functionVersion").GetString());
        Assert.Equal(options.FunctionArn, root.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal(512, root.GetProperty("memoryLimitInMB").GetInt32());
        Assert.Equal("/aws/lambda/my-fn", root.GetProperty("logGroupName").GetString());
        Assert.Contains("[7]", root.GetProperty("logStreamName").GetString());
        Assert.InRange(root.GetProperty("remainingTimeMs").GetInt64(), 20_000, 30_000);
        Assert.Equal(invocation.TraceId, root.GetProperty("traceId").GetString());
        Assert.Equal(invocation.TraceId, root.GetProperty("traceEnv").GetString());
        Assert.Equal("tenant-42", root.GetProperty("tenantId").GetString());

        var client = root.GetProperty("clientContext");
        Assert.Equal("inst-1", client.GetProperty("client").GetProperty("installationId").GetString());
        Assert.Equal("com.example", client.GetProperty("client").GetProperty("appPackageName").GetString());
        Assert.Equal("v", client.GetProperty("custom").GetProperty("k").GetString());
        Assert.Equal("Android", client.GetProperty("environment").GetProperty("platform").GetString());
        var identity = root.GetProperty("identity");
        Assert.Equal("us-east-1:abc", identity.GetProperty("identityId").GetString());
        Assert.Equal("us-east-1:pool", identity.GetProperty("identityPoolId").GetString());
    }

    [Fact]
    public async Task Per_invocation_values_do_not_leak_into_the_next_invocation()
    {
        await using var function = await FunctionUnderTest.StartAsync("context");
        await function.InvokeAsync("{}", new InvokeOptions { ClientContext = "{\"custom\":{}}", CognitoIdentity = "{}", TenantId = "t1" });
        var second = await function.InvokeAsync("{}", new InvokeOptions { TraceId = "" });

        using var json = JsonDocument.Parse(second.Body);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("clientContext").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("identity").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tenantId").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("traceId").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("traceEnv").ValueKind);
    }

    [Fact]
    public async Task Trace_id_environment_variable_follows_each_invocation()
    {
        await using var function = await FunctionUnderTest.StartAsync("context");
        var seen = new List<(string? TraceId, string? TraceEnv)>();
        foreach (string? trace in new[] { "Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1", "Root=1-00000002-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=0", "", "Root=1-00000003-cccccccccccccccccccccccc" })
        {
            var outcome = await function.InvokeAsync("{}", new InvokeOptions { TraceId = trace });
            using var json = JsonDocument.Parse(outcome.Body);
            seen.Add((json.RootElement.GetProperty("traceId").GetString(), json.RootElement.GetProperty("traceEnv").GetString()));
        }
        Assert.Equal(
            [
                ("Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1", "Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=1"),
                ("Root=1-00000002-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=0", "Root=1-00000002-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=0"),
                (null, null),
                ("Root=1-00000003-cccccccccccccccccccccccc", "Root=1-00000003-cccccccccccccccccccccccc"),
            ],
            seen);
    }

    [Fact]
    public async Task Invalid_client_context_is_null_with_a_warning_not_a_crash()
    {
        await using var function = await FunctionUnderTest.StartAsync("context");
        var outcome = await function.InvokeAsync("{}", new InvokeOptions { ClientContext = "not json", CognitoIdentity = "[1]" });
        Assert.False(outcome.IsError, outcome.BodyText);
        using var json = JsonDocument.Parse(outcome.Body);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("clientContext").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("identity").ValueKind);
        await function.WaitForStdoutAsync(line => line.Contains("WARN") && line.Contains("Lambda-Runtime-Client-Context"));
    }
}
