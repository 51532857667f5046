using System.Text.Json;

namespace LambdaBootstrap.Events;

/// <summary>
/// The event an EventBridge (CloudWatch Events) schedule sends: <see cref="EventBridgeEvent{TDetail}.DetailType"/> is
/// <c>Scheduled Event</c>, the detail an empty object, and <see cref="EventBridgeEvent{TDetail}.Resources"/> names the rule.
/// </summary>
public sealed class ScheduledEvent : EventBridgeEvent<JsonElement>;
