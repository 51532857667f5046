using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What a CloudWatch alarm's Lambda action sends when the alarm changes state.</summary>
public sealed class CloudWatchAlarmEvent
{
    /// <summary><c>aws.cloudwatch</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>The alarm.</summary>
    [JsonPropertyName("alarmArn")]
    public string? AlarmArn { get; set; }

    /// <summary>The account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>When the state changed (<c>2024-04-15T08:30:12.345+0000</c>).</summary>
    [JsonPropertyName("time")]
    public string? Time { get; set; }

    /// <summary>The region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The alarm and its states.</summary>
    [JsonPropertyName("alarmData")]
    public CloudWatchAlarmData? AlarmData { get; set; }
}

/// <summary>An alarm and its state change.</summary>
public sealed class CloudWatchAlarmData
{
    /// <summary>The alarm's name.</summary>
    [JsonPropertyName("alarmName")]
    public string? AlarmName { get; set; }

    /// <summary>The new state.</summary>
    [JsonPropertyName("state")]
    public CloudWatchAlarmState? State { get; set; }

    /// <summary>The state before.</summary>
    [JsonPropertyName("previousState")]
    public CloudWatchAlarmState? PreviousState { get; set; }

    /// <summary>What the alarm watches.</summary>
    [JsonPropertyName("configuration")]
    public CloudWatchAlarmConfiguration? Configuration { get; set; }
}

/// <summary>An alarm state.</summary>
public sealed class CloudWatchAlarmState
{
    /// <summary><c>OK</c>, <c>ALARM</c> or <c>INSUFFICIENT_DATA</c>.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>Why.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>The data behind the reason, as JSON text.</summary>
    [JsonPropertyName("reasonData")]
    public string? ReasonData { get; set; }

    /// <summary>When it began.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>What suppresses actions (composite alarms).</summary>
    [JsonPropertyName("actionsSuppressedBy")]
    public string? ActionsSuppressedBy { get; set; }

    /// <summary>Why actions are suppressed.</summary>
    [JsonPropertyName("actionsSuppressedReason")]
    public string? ActionsSuppressedReason { get; set; }
}

/// <summary>What an alarm watches.</summary>
public sealed class CloudWatchAlarmConfiguration
{
    /// <summary>The alarm's description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Metric alarms: the metrics and expressions.</summary>
    [JsonPropertyName("metrics")]
    public List<CloudWatchMetricDataQuery>? Metrics { get; set; }

    /// <summary>Composite alarms: the rule.</summary>
    [JsonPropertyName("alarmRule")]
    public string? AlarmRule { get; set; }

    /// <summary>Composite alarms: the suppressor alarm.</summary>
    [JsonPropertyName("actionsSuppressor")]
    public string? ActionsSuppressor { get; set; }

    /// <summary>Seconds to wait for the suppressor.</summary>
    [JsonPropertyName("actionsSuppressorWaitPeriod")]
    public int? ActionsSuppressorWaitPeriod { get; set; }

    /// <summary>Seconds to keep suppressing.</summary>
    [JsonPropertyName("actionsSuppressorExtensionPeriod")]
    public int? ActionsSuppressorExtensionPeriod { get; set; }
}

/// <summary>A metric or expression of an alarm.</summary>
public sealed class CloudWatchMetricDataQuery
{
    /// <summary>The query's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The metric.</summary>
    [JsonPropertyName("metricStat")]
    public CloudWatchMetricStat? MetricStat { get; set; }

    /// <summary>A metric math expression.</summary>
    [JsonPropertyName("expression")]
    public string? Expression { get; set; }

    /// <summary>The label.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; set; }

    /// <summary>Whether it is the alarm's value.</summary>
    [JsonPropertyName("returnData")]
    public bool? ReturnData { get; set; }
}

/// <summary>A metric and its statistic.</summary>
public sealed class CloudWatchMetricStat
{
    /// <summary>The metric.</summary>
    [JsonPropertyName("metric")]
    public CloudWatchMetric? Metric { get; set; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("period")]
    public int? Period { get; set; }

    /// <summary>The statistic, e.g. <c>Average</c>.</summary>
    [JsonPropertyName("stat")]
    public string? Stat { get; set; }

    /// <summary>The unit.</summary>
    [JsonPropertyName("unit")]
    public string? Unit { get; set; }
}

/// <summary>A metric.</summary>
public sealed class CloudWatchMetric
{
    /// <summary>The namespace.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    /// <summary>The metric's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The dimensions.</summary>
    [JsonPropertyName("dimensions")]
    public Dictionary<string, string>? Dimensions { get; set; }
}
