using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>An AWS Step Functions <c>Step Functions Execution Status Change</c> event, source <c>aws.states</c>.</summary>
public sealed class StepFunctionsExecutionStatusChangeEvent : EventBridgeEvent<StepFunctionsExecutionStatusChange>;

/// <summary>The detail of a Step Functions execution status change.</summary>
public sealed class StepFunctionsExecutionStatusChange
{
    /// <summary>The execution's ARN.</summary>
    [JsonPropertyName("executionArn")]
    public string? ExecutionArn { get; set; }

    /// <summary>The state machine's ARN.</summary>
    [JsonPropertyName("stateMachineArn")]
    public string? StateMachineArn { get; set; }

    /// <summary>The execution's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary><c>RUNNING</c>, <c>SUCCEEDED</c>, <c>FAILED</c>, <c>TIMED_OUT</c>, <c>ABORTED</c> or <c>PENDING_REDRIVE</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>When the execution started, in epoch milliseconds.</summary>
    [JsonPropertyName("startDate")]
    public long? StartDate { get; set; }

    /// <summary>When it stopped, in epoch milliseconds; null while it runs.</summary>
    [JsonPropertyName("stopDate")]
    public long? StopDate { get; set; }

    /// <summary>The execution's input, a JSON text.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; set; }

    /// <summary>The execution's output, a JSON text; null until it succeeds.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; set; }

    /// <summary>Whether the input is included (it is left out when too large).</summary>
    [JsonPropertyName("inputDetails")]
    public StepFunctionsPayloadDetails? InputDetails { get; set; }

    /// <summary>Whether the output is included.</summary>
    [JsonPropertyName("outputDetails")]
    public StepFunctionsPayloadDetails? OutputDetails { get; set; }

    /// <summary>The error's name, when it failed.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>The error's cause, when it failed.</summary>
    [JsonPropertyName("cause")]
    public string? Cause { get; set; }

    /// <summary>The state machine version that ran, when one was named.</summary>
    [JsonPropertyName("stateMachineVersionArn")]
    public string? StateMachineVersionArn { get; set; }

    /// <summary>The alias that was invoked, when one was.</summary>
    [JsonPropertyName("stateMachineAliasArn")]
    public string? StateMachineAliasArn { get; set; }

    /// <summary>How many times the execution was redriven.</summary>
    [JsonPropertyName("redriveCount")]
    public int? RedriveCount { get; set; }

    /// <summary>When it was last redriven, in epoch milliseconds.</summary>
    [JsonPropertyName("redriveDate")]
    public long? RedriveDate { get; set; }

    /// <summary><c>REDRIVABLE</c>, <c>NOT_REDRIVABLE</c>...</summary>
    [JsonPropertyName("redriveStatus")]
    public string? RedriveStatus { get; set; }

    /// <summary>Why it can or cannot be redriven.</summary>
    [JsonPropertyName("redriveStatusReason")]
    public string? RedriveStatusReason { get; set; }

    /// <summary><see cref="StartDate"/> as a point in time, or null without it.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartTime => EpochTime.FromMilliseconds(StartDate);

    /// <summary><see cref="StopDate"/> as a point in time, or null while it runs.</summary>
    [JsonIgnore]
    public DateTimeOffset? StopTime => EpochTime.FromMilliseconds(StopDate);
}

/// <summary>Whether a payload is included in the event.</summary>
public sealed class StepFunctionsPayloadDetails
{
    /// <summary>False when the payload was too large for the event.</summary>
    [JsonPropertyName("included")]
    public bool? Included { get; set; }
}
