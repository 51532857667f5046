namespace LambdaBootstrap.Runtime.Generators;

/// <summary>
/// What the generator writes for one [LambdaJson] type: names only, no symbols, so it compares by value.
/// <see cref="DeclaresDefaultConstructor"/>: the type's constructor is the implicit one, which the generated private
/// constructor would otherwise take away, so it is declared.
/// </summary>
internal sealed record TypeModel(
    string FullName,
    string Name,
    string? Namespace,
    EquatableArray<string> Containers,
    string Keyword,
    bool IsValueType,
    int NamingPolicy,
    int CaseInsensitive,
    EquatableArray<int> ConstructorMembers,
    bool DeclaresDefaultConstructor,
    EquatableArray<MemberModel> Members,
    EquatableArray<CodecModel> Codecs,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One property. <see cref="ConstructorSlot"/> is its constructor parameter's position, or -1.</summary>
internal sealed record MemberModel(
    string ClrName,
    string? ExplicitJsonName,
    string TypeName,
    int Codec,
    bool Reads,
    bool Writes,
    int ConstructorSlot,
    string? DefaultValue,
    bool Required,
    IgnoreWhen Ignore);

/// <summary>When a written member is left out, as System.Text.Json's <c>JsonIgnoreCondition</c>.</summary>
internal enum IgnoreWhen
{
    Never,
    Null,
    Default,
}

/// <summary>How one .NET type is read and written. <see cref="Element"/> indexes the codec of its items.</summary>
internal sealed record CodecModel(
    CodecKind Kind,
    string TypeName,
    bool IsValueType,
    string? Primitive,
    int Element,
    EquatableArray<EnumName> EnumNames);

internal enum CodecKind
{
    Primitive,
    Nullable,
    NumberEnum,
    StringEnum,
    Array,
    List,
    Dictionary,
    Object,
}

/// <summary>An enum's JSON name and its value as a C# literal of the underlying type.</summary>
internal sealed record EnumName(string Name, string Value);
