using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace Hello;

/// <summary>
/// A message's body: who to greet, <c>{"name":"Ada"}</c>. [LambdaJson]: the runtime package's source generator writes
/// its JSON reader at compile time, with System.Text.Json's rules and no serializer metadata.
/// </summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record GreetRequest(string? Name);
