namespace LambdaBootstrap.Events;

/// <summary>A Kinesis event with a tumbling window: the records, the window and the state so far.</summary>
public sealed class KinesisTimeWindowEvent : TimeWindowEvent<KinesisEventRecord>;
