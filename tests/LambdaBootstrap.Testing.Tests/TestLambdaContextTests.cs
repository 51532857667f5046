using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Testing.Tests;

/// <summary>The in-process test doubles: a context that looks like a fresh invocation, and a logger that keeps lines.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class TestLambdaContextTests
{
    [Fact]
    public void A_new_context_looks_like_a_fresh_invocation()
    {
        ILambdaContext context = new TestLambdaContext();
        Assert.True(Guid.TryParse(context.AwsRequestId, out _));
        Assert.Equal("test-function", context.FunctionName);
        Assert.Equal(128, context.MemoryLimitInMB);
        Assert.InRange(context.RemainingTime, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        Assert.Null(context.ClientContext);
        Assert.False(context.CancellationToken.IsCancellationRequested);
        Assert.NotEqual(new TestLambdaContext().AwsRequestId, context.AwsRequestId);
    }

    [Fact]
    public void A_handler_s_keys_metrics_and_unsampled_segments_are_kept_for_the_test()
    {
        var context = new TestLambdaContext();
        context.Logger.AppendKey("order", "41");
        context.Logger.AppendKey("order", "42");
        Assert.Equal("42", context.TestLogger.Keys["order"]);

        context.Metrics.Namespace = "Shop";
        context.Metrics.Add("Orders", 3, LambdaBootstrap.Runtime.Metrics.MetricUnit.Count);
        context.Metrics.Flush();
        using var emf = System.Text.Json.JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(context.MetricsOutput.ToArray()));
        Assert.Equal(3, emf.RootElement.GetProperty("Orders").GetDouble());

        // No trace header by default: the segment is inert.
        using var segment = context.Trace("work");
        Assert.False(segment.IsSampled);
    }

    [Fact]
    public void Remaining_time_follows_the_deadline_and_never_goes_negative()
    {
        var context = new TestLambdaContext { Deadline = DateTimeOffset.UtcNow.AddSeconds(-5) };
        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
        context.Deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        Assert.InRange(context.RemainingTime, TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void The_logger_keeps_every_line_with_its_level_through_the_interface()
    {
        var context = new TestLambdaContext();
        ILambdaLogger logger = context.Logger;
        logger.LogInformation("one");
        logger.LogError("two");
        logger.Log(LogLevel.Debug, "three");

        Assert.Equal(["one", "two", "three"], context.TestLogger.Lines);
        Assert.Equal([LogLevel.Information, LogLevel.Error, LogLevel.Debug], context.TestLogger.Entries.Select(e => e.Level));
        Assert.True(context.TestLogger.Contains("tw"));
        Assert.False(context.TestLogger.Contains("four"));
    }

    [Fact]
    public void A_replaced_logger_is_not_mistaken_for_the_test_logger()
    {
        var context = new TestLambdaContext { Logger = new OtherLogger() };
        Assert.Throws<InvalidOperationException>(() => context.TestLogger);
    }

    private sealed class OtherLogger : ILambdaLogger
    {
        public void Log(LogLevel level, string message) { }
    }
}
