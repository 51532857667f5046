using Microsoft.CodeAnalysis;

namespace LambdaBootstrap.Runtime.Generators;

/// <summary>What the generator refuses, at compile time, instead of failing at run time.</summary>
internal static class LambdaJsonDiagnostics
{
    private const string Category = "LambdaJson";

    public static readonly DiagnosticDescriptor NotPartial = new(
        "LJSON001", "[LambdaJson] type must be partial",
        "'{0}' is marked [LambdaJson] but it, or a type that contains it, is not partial: declare it 'partial' so that its JSON reader and writer can be generated",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedMember = new(
        "LJSON002", "[LambdaJson] cannot read or write this member",
        "'{0}.{1}' has type '{2}', which [LambdaJson] cannot read or write{3}; use a JsonSerializerContext and LambdaHandler.Json with its JsonTypeInfo for '{0}' instead",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedType = new(
        "LJSON003", "[LambdaJson] cannot construct this type",
        "'{0}' cannot be read by [LambdaJson]: {1}; use a JsonSerializerContext and LambdaHandler.Json with its JsonTypeInfo instead",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "LJSON001" => NotPartial,
        "LJSON002" => UnsupportedMember,
        _ => UnsupportedType,
    };
}
