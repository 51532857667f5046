using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace Hello;

// [LambdaJson]: the runtime package's source generator writes each record's JSON reader and writer at compile time,
// with System.Text.Json's rules and no serializer metadata, so the function stays small and starts fast.

/// <summary>The greet handler's event: <c>{"name":"Ada"}</c>.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record GreetRequest(string? Name);

/// <summary>The greet handler's answer: <c>{"message":"Hello, Ada!"}</c>.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record GreetResponse(string Message);
