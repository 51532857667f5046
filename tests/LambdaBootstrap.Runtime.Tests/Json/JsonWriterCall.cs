using System.Text.Json;
using LambdaBootstrap.Runtime.Json;

namespace RuntimeTests.Json;

/// <summary>One writer call, made the same way on System.Text.Json's writer and on ours.</summary>
public sealed record JsonWriterCall(string Name, Action<Utf8JsonWriter> Theirs, Action<LambdaJsonWriter> Ours)
{
    public override string ToString() => Name;
}
