using System.Collections.Concurrent;
using System.Diagnostics;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Tracing;

namespace RuntimeTests.Tracing;

/// <summary>
/// The invocation's Activity, seen by an <see cref="ActivityListener"/> as the OpenTelemetry SDK would subscribe:
/// its FaaS attributes, its parent from the X-Ray header, the handler's activities under it.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class InvocationActivityTests : IAsyncDisposable
{
    private const string TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    private const string Arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders:live";
    private static readonly ActivitySource HandlerSource = new("orders.handler");
    private readonly ClientUnderTest _runtime = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    private static ReadOnlyMemory<byte> Fail(ReadOnlyMemory<byte> @event, ILambdaContext context) => throw new InvalidOperationException("boom");

    private ActivityListener Listen() => new()
    {
        ShouldListenTo = source => source.Name is InvocationActivity.SourceName or "orders.handler",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStopped = _stopped.Enqueue,
    };

    private Activity Invocation(string requestId) =>
        Assert.Single(_stopped, a => a.Source.Name == InvocationActivity.SourceName && (string?)a.GetTagItem("faas.invocation_id") == requestId);

    [Fact]
    public async Task Each_invocation_is_a_server_activity_with_the_FaaS_attributes_under_the_X_Ray_parent()
    {
        InvocationActivity.Enable();
        using var listener = Listen();
        ActivitySource.AddActivityListener(listener);
        Activity? seenByHandler = null;
        var loop = _runtime.Loop(LambdaHandler.Bytes((e, context) =>
        {
            seenByHandler = Activity.Current;
            using (HandlerSource.StartActivity("charge card"))
            {
            }
            return e;
        }));
        string first = _runtime.Api.Enqueue("{}", ("Lambda-Runtime-Trace-Id", TraceHeader), ("Lambda-Runtime-Invoked-Function-Arn", Arn));
        string second = _runtime.Api.Enqueue("{}", ("Lambda-Runtime-Trace-Id", TraceHeader), ("Lambda-Runtime-Invoked-Function-Arn", Arn));
        await _runtime.RunOnceAsync(loop);
        await _runtime.RunOnceAsync(loop);

        var invocation = Invocation(first);
        Assert.Equal(ActivityKind.Server, invocation.Kind);
        Assert.Equal("my-function", invocation.DisplayName);
        Assert.Equal("5759e988bd862e3fe1be46a994272793", invocation.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", invocation.ParentSpanId.ToHexString());
        Assert.True(invocation.HasRemoteParent);
        Assert.Equal(true, invocation.GetTagItem("faas.coldstart"));
        Assert.Equal(false, Invocation(second).GetTagItem("faas.coldstart"));
        Assert.Equal(Arn, invocation.GetTagItem("cloud.resource_id"));
        Assert.Equal("123456789012", invocation.GetTagItem("cloud.account.id"));
        Assert.Equal("aws_lambda", invocation.GetTagItem("cloud.platform"));
        Assert.Null(invocation.GetTagItem("faas.trigger"));
        Assert.Equal(ActivityStatusCode.Unset, invocation.Status);

        Assert.Equal(Invocation(second).SpanId, seenByHandler!.SpanId);
        var charge = _stopped.First(a => a.DisplayName == "charge card" && a.ParentSpanId == invocation.SpanId);
        Assert.Equal(invocation.TraceId, charge.TraceId);
    }

    [Fact]
    public async Task A_failed_invocation_s_activity_has_the_error_status_and_a_known_trigger_is_named()
    {
        InvocationActivity.Enable();
        using var listener = Listen();
        ActivitySource.AddActivityListener(listener);
        var loop = _runtime.Loop(LambdaHandler.Bytes(Fail).ForTrigger("pubsub"));
        string id = _runtime.Api.Enqueue("{}");
        await _runtime.RunOnceAsync(loop);

        var invocation = Invocation(id);
        Assert.Equal(ActivityStatusCode.Error, invocation.Status);
        Assert.Equal("boom", invocation.StatusDescription);
        Assert.Equal("pubsub", invocation.GetTagItem("faas.trigger"));
    }

    [Fact]
    public async Task Without_a_listener_no_activity_is_made()
    {
        InvocationActivity.Enable();
        Activity? seenByHandler = new("placeholder");
        var loop = _runtime.Loop(LambdaHandler.Bytes((e, context) =>
        {
            seenByHandler = Activity.Current;
            return e;
        }));
        _runtime.Api.Enqueue("{}", ("Lambda-Runtime-Trace-Id", ""));
        await _runtime.RunOnceAsync(loop);
        // Only this class listens to the runtime's source, and its tests run one at a time.
        Assert.Null(seenByHandler);
    }

    [Theory]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0", "5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8", false)]
    [InlineData("Root=1-5759E988-BD862E3FE1BE46A994272793;Parent=53995C3F42CD8AD8;Sampled=1", "5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true)]
    public void The_X_Ray_header_becomes_a_W3C_parent(string header, string traceId, string spanId, bool recorded)
    {
        var parent = InvocationActivityObserver.ParentOf(LambdaBootstrap.Runtime.Tracing.TraceHeader.Parse(header));
        Assert.Equal((traceId, spanId, recorded, true), (parent.TraceId.ToHexString(), parent.SpanId.ToHexString(), parent.TraceFlags == ActivityTraceFlags.Recorded, parent.IsRemote));
    }

    [Theory]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1")]
    [InlineData("Root=1-xyz;Parent=53995c3f42cd8ad8;Sampled=1")]
    [InlineData(null)]
    public void A_header_without_W3C_ids_gives_no_parent(string? header) =>
        Assert.Equal(default, InvocationActivityObserver.ParentOf(LambdaBootstrap.Runtime.Tracing.TraceHeader.Parse(header)));
}
