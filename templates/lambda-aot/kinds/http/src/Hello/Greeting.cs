using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace Hello;

// [LambdaJson]: the runtime package's source generator writes each record's JSON reader and writer at compile time,
// with System.Text.Json's rules and no serializer metadata, so the function stays small and starts fast.

/// <summary>The body of <c>POST /greetings</c>: <c>{"name":"Ada"}</c>.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record GreetRequest(string? Name);

/// <summary>The API's answer: <c>{"message":"..."}</c>.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record Reply(string Message);
