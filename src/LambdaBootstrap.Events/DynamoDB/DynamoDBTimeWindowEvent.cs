namespace LambdaBootstrap.Events;

/// <summary>A DynamoDB Streams event with a tumbling window: the records, the window and the state so far.</summary>
public sealed class DynamoDBTimeWindowEvent : TimeWindowEvent<DynamodbStreamRecord>;
