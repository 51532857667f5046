using System.Text.Json.Serialization;

namespace LambdaBootstrap.Runtime.Handlers;

/// <summary>
/// System.Text.Json looks for <c>[JsonPolymorphic]</c> and <c>[JsonDerivedType]</c> on every type it describes, even from
/// source-generated metadata, and reflection returns what it finds as an array of that attribute type. An array type the
/// compiler never saw is built by the runtime's type loader on first use, about 0.1 ms of a cold start; naming the two
/// arrays here compiles them into any bootstrap with a typed handler.
/// </summary>
internal static class JsonAttributeArrays
{
    private static readonly Attribute[][] s_compiled = [new JsonPolymorphicAttribute[0], new JsonDerivedTypeAttribute[0]];

    public static void EnsureCompiled() => GC.KeepAlive(s_compiled);
}
