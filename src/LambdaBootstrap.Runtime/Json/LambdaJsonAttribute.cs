using System.Text.Json.Serialization;

namespace LambdaBootstrap.Runtime.Json;

/// <summary>
/// Marks a <c>partial</c> class, record or struct for the runtime's JSON source generator, which writes a reader over
/// <see cref="LambdaJsonReader"/> and a writer over <see cref="LambdaJsonWriter"/> for it
/// (<see cref="ILambdaJson{TSelf}"/>): no <c>JsonSerializerContext</c>, no serializer metadata, no reflection. On the
/// assembly (<c>[assembly: LambdaJson(NamingPolicy = …)]</c>) it sets the defaults of every marked type instead.
/// </summary>
/// <remarks>Members follow System.Text.Json's rules and attributes (<c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>,
/// <c>[JsonRequired]</c>, <c>required</c>); a member the generator cannot handle is a compile-time error that names it.</remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, Inherited = false)]
public sealed class LambdaJsonAttribute : Attribute
{
    /// <summary>How member names become JSON names when <c>[JsonPropertyName]</c> does not say; as declared unless set.</summary>
    public JsonKnownNamingPolicy NamingPolicy { get; set; }

    /// <summary>Whether a JSON name that matches no member exactly may match one ignoring case, as System.Text.Json's
    /// <c>PropertyNameCaseInsensitive</c>.</summary>
    public bool PropertyNameCaseInsensitive { get; set; }
}
