using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBootstrap.Runtime.Generators;

/// <summary>A diagnostic as values (a <see cref="Location"/> holds a syntax tree, which the pipeline must not keep).</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string? FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, ISymbol symbol, params string[] arguments)
    {
        var location = symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;
        var lines = location.GetLineSpan();
        return new DiagnosticInfo(descriptor.Id, new EquatableArray<string>(arguments), location.SourceTree?.FilePath, location.SourceSpan, lines.Span);
    }

    public Diagnostic ToDiagnostic()
    {
        var location = FilePath is null ? Location.None : Location.Create(FilePath, Span, Lines);
        var args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++)
            args[i] = Arguments[i];
        return Diagnostic.Create(LambdaJsonDiagnostics.ById(Id), location, args);
    }
}
