using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaBootstrap.Runtime.Generators;

/// <summary>
/// For each <c>[LambdaJson]</c> type, a reader over <c>LambdaJsonReader</c> and a writer over <c>LambdaJsonWriter</c>
/// (its <c>ILambdaJson</c> implementation), so that a typed handler carries no System.Text.Json serializer metadata.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LambdaJsonGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var defaults = context.CompilationProvider.Select((compilation, _) => TypeModelReader.ReadDefaults(compilation.Assembly));
        var types = context.SyntaxProvider.ForAttributeWithMetadataName(
            TypeModelReader.AttributeName,
            static (node, _) => node is TypeDeclarationSyntax,
            static (attributed, cancellation) => TypeModelReader.Read((INamedTypeSymbol)attributed.TargetSymbol, cancellation));

        context.RegisterSourceOutput(types.Combine(defaults), static (output, pair) =>
        {
            var (type, assemblyDefaults) = pair;
            foreach (var diagnostic in type.Diagnostics)
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (type.Diagnostics.Count > 0)
                return;
            string hint = type.FullName.Replace("global::", string.Empty).Replace('<', '_').Replace('>', '_') + ".LambdaJson.g.cs";
            output.AddSource(hint, SourceWriter.Write(type, assemblyDefaults));
        });
    }
}
