using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace GeneratorTests;

/// <summary>What the generator accepts, and the compile-time errors that name what it does not.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class LambdaJsonGeneratorTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using LambdaBootstrap.Runtime.Json;

        """;

    [Fact]
    public void SupportedTypes_GenerateCodeThatCompiles()
    {
        var run = GeneratorRun.Of(Usings + """
            namespace App;
            public enum Kind { A, B }
            [LambdaJson(NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
            public sealed partial record Order(string Id, int Quantity, decimal? Price = 1.5m)
            {
                public required List<Line> Lines { get; init; }
                public Dictionary<string, Kind>? Kinds { get; set; }
                [JsonPropertyName("when")] public DateTimeOffset At { get; set; }
                [JsonIgnore] public string? Internal { get; set; }
            }
            [LambdaJson]
            public partial struct Line { public string? Sku { get; set; } public byte[]? Data { get; set; } }
            public static partial class Outer
            {
                [LambdaJson] public partial class Inner { public Uri? Link { get; set; } }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Equal(3, run.Sources.Length);
        Assert.Contains(run.Sources, s => s.Contains("\"when\"u8") && s.Contains("\"quantity\"u8") && !s.Contains("internal"));
    }

    [Fact]
    public void NotPartial_IsAnError()
    {
        var run = GeneratorRun.Of(Usings + "[LambdaJson] public sealed record Request(string Name);");
        Assert.Contains("'Request'", run.Single("LJSON001").GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void ContainingTypeNotPartial_IsAnError()
    {
        var run = GeneratorRun.Of(Usings + "public static class Outer { [LambdaJson] public partial record Request(string Name); }");
        run.Single("LJSON001");
    }

    [Theory]
    [InlineData("System.Version", "Version")]
    [InlineData("Dictionary<int, string>", "dictionary keys must be strings")]
    [InlineData("Plain", "mark it [LambdaJson] too")]
    [InlineData("int[,]", "int[*,*]")]
    [InlineData("System.Collections.Generic.HashSet<string>", "HashSet")]
    public void UnsupportedMember_NamesTheMember_AndSuggestsAContext(string type, string detail)
    {
        var run = GeneratorRun.Of(Usings + $$"""
            public class Plain { public int X { get; set; } }
            [LambdaJson] public sealed partial class Request { public {{type}}? Odd { get; set; } public string? Fine { get; set; } }
            """);

        var diagnostic = run.Single("LJSON002");
        string message = diagnostic.GetMessage();
        Assert.Contains("'Request.Odd'", message);
        Assert.Contains(detail, message);
        Assert.Contains("JsonSerializerContext", message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("[LambdaJson] public partial class Request { public Request(int a) { } public Request(string b) { } }", "constructor")]
    [InlineData("[LambdaJson] public partial class Request { public Request(int unmatched) { } public int A { get; set; } }", "'unmatched' matches no public property")]
    [InlineData("[LambdaJson] public abstract partial class Request { }", "non-abstract")]
    [InlineData("[LambdaJson] public partial class Request<T> { }", "non-generic")]
    [InlineData("[LambdaJson, JsonDerivedType(typeof(Request), \"r\")] public partial class Request { }", "polymorphism")]
    public void TypesItCannotConstruct_AreErrors(string declaration, string detail)
    {
        var run = GeneratorRun.Of(Usings + declaration);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "LJSON003" && d.GetMessage().Contains(detail, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void AssemblyAttribute_SetsTheDefaultNamingPolicy_ATypeOverridesIt()
    {
        var run = GeneratorRun.Of(Usings + """
            [assembly: LambdaJson(NamingPolicy = JsonKnownNamingPolicy.KebabCaseUpper)]
            [LambdaJson] public partial record First(string FirstName);
            [LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)] public partial record Second(string SecondName);
            """);

        Assert.Empty(run.CompileErrors);
        Assert.Contains(run.Sources, s => s.Contains("\"FIRST-NAME\"u8"));
        Assert.Contains(run.Sources, s => s.Contains("\"secondName\"u8"));
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("FirstName")]
    [InlineData("URLValue")]
    [InlineData("ID")]
    [InlineData("HTTPCode")]
    [InlineData("IsOK")]
    [InlineData("Address2Line")]
    [InlineData("XMLHttpRequest")]
    [InlineData("already_snake")]
    [InlineData("camelCase")]
    [InlineData("A")]
    [InlineData("ABC123Def")]
    [InlineData("Item1")]
    [InlineData("S3Bucket")]
    public void NamingPolicies_MatchSystemTextJsons(string name)
    {
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(name), LambdaBootstrap.Runtime.Generators.NamingPolicy.Apply(1, name));
        Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(name), LambdaBootstrap.Runtime.Generators.NamingPolicy.Apply(2, name));
        Assert.Equal(JsonNamingPolicy.SnakeCaseUpper.ConvertName(name), LambdaBootstrap.Runtime.Generators.NamingPolicy.Apply(3, name));
        Assert.Equal(JsonNamingPolicy.KebabCaseLower.ConvertName(name), LambdaBootstrap.Runtime.Generators.NamingPolicy.Apply(4, name));
        Assert.Equal(JsonNamingPolicy.KebabCaseUpper.ConvertName(name), LambdaBootstrap.Runtime.Generators.NamingPolicy.Apply(5, name));
    }
}
