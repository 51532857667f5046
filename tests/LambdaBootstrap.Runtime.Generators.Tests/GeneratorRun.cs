using System.Collections.Immutable;
using LambdaBootstrap.Runtime.Generators;
using LambdaBootstrap.Runtime.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratorTests;

/// <summary>Compiles a snippet with the JSON generator, as a function project would: what it reports, and whether the result compiles.</summary>
internal sealed record GeneratorRun(ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> CompileErrors, ImmutableArray<string> Sources)
{
    private static readonly MetadataReference[] s_references =
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
         MetadataReference.CreateFromFile(typeof(LambdaJsonAttribute).Assembly.Location)];

    public static GeneratorRun Of(string source)
    {
        var compilation = CSharpCompilation.Create("Snippet",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new LambdaJsonGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        return new GeneratorRun(
            diagnostics,
            [.. output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)],
            [.. result.GeneratedTrees.Select(t => t.ToString())]);
    }

    public Diagnostic Single(string id) => Assert.Single(GeneratorDiagnostics, d => d.Id == id);
}
