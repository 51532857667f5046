using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What a function returns to a Connect flow: flat string keys and values, read as <c>$.External.KEY</c>.</summary>
public sealed class ContactFlowResponse : Dictionary<string, string>;
