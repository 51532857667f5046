using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>A CloudWatch <c>CloudWatch Alarm State Change</c> event, source <c>aws.cloudwatch</c>.</summary>
public sealed class CloudWatchAlarmStateChangeEvent : EventBridgeEvent<CloudWatchAlarmStateChangeDetail>;

/// <summary>The detail of an alarm state change.</summary>
public sealed class CloudWatchAlarmStateChangeDetail
{
    /// <summary>The alarm.</summary>
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

    /// <summary>Configuration changes: the operation.</summary>
    [JsonPropertyName("operation")]
    public string? Operation { get; set; }
}
