using System.Text.Json;
using LambdaBootstrap.Runtime.Json;
using static RuntimeTests.Json.JsonComparison;

namespace RuntimeTests.Json;

/// <summary>System.Text.Json's default rules, each checked on the generated reader and on System.Text.Json alike.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class GeneratedJsonRulesTests
{
    private static void SameAsStj<T>(string json, bool readable) where T : ILambdaJson<T>
    {
        byte[] bytes = Utf8(json);
        string stj = ReadStj<T>(bytes);
        Assert.Equal(readable, stj != "error");
        Assert.Equal(stj, ReadGenerated<T>(bytes));
    }

    [Theory]
    [InlineData("""{"zzz":{"a":[1,{"b":null}]},"name":"x","more":[[]],"count":2}""")]
    [InlineData("""{"Name":"x","Count":3,"extra":"y"}""")]
    [InlineData("""{"NAME":"x"}""")]
    [InlineData("""{"n\u0061me":"escaped"}""")]
    public void UnknownMembersAreSkipped_NamesMatchIgnoringCaseWhenAsked(string json) => SameAsStj<Lenient>(json, readable: true);

    [Theory]
    [InlineData("""{"label":"a" /* note */}""")]
    [InlineData("{\"label\":\"a\", // note\n}")]
    [InlineData("""{"LABEL":"a",}""")]
    [InlineData("""{"NEXT":{"LABEL":"a",},"LABEL":"b"}""")]
    public void CommentsAndTrailingCommas_AreRejected(string json) => SameAsStj<Link>(json, readable: false);

    [Fact]
    public void DuplicateMembers_TheLastWins()
    {
        SameAsStj<Link>("""{"LABEL":"first","NEXT":{"LABEL":"x"},"LABEL":"last","NEXT":null}""", readable: true);
        Assert.Equal("last", LambdaJsonSerializer.Deserialize<Link>(Utf8("""{"LABEL":"first","LABEL":"last"}"""))!.Label);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(200, false)]
    public void Nesting_ObeysTheDepthLimitOf64(int links, bool readable)
    {
        string json = string.Concat(Enumerable.Repeat("""{"NEXT":""", links)) + "null" + new string('}', links);
        SameAsStj<Link>(json, readable);
    }

    [Theory]
    [InlineData("u8", "256")]
    [InlineData("i8", "-129")]
    [InlineData("i16", "32768")]
    [InlineData("u16", "-1")]
    [InlineData("i32", "2147483648")]
    [InlineData("u32", "4294967296")]
    [InlineData("i64", "9223372036854775808")]
    [InlineData("u64", "18446744073709551616")]
    [InlineData("money", "1e29")]
    [InlineData("i32", "1.5")]
    [InlineData("i32", "\"1\"")]
    [InlineData("i32", "null")]
    [InlineData("letter", "\"ab\"")]
    [InlineData("flag", "1")]
    public void NumbersThatOverflowOrDoNotFit_AreErrors(string member, string value)
    {
        var valid = JsonSerializer.SerializeToUtf8Bytes(new Scalars("t", true, 'c', 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1), OptionsFor<Scalars>());
        var node = System.Text.Json.Nodes.JsonNode.Parse(valid)!.AsObject();
        node[member] = System.Text.Json.Nodes.JsonNode.Parse(value);
        string json = node.ToJsonString();
        SameAsStj<Scalars>(json, readable: false);
        Assert.Throws<JsonException>(() => LambdaJsonSerializer.Deserialize<Scalars>(Utf8(json)));
    }

    [Theory]
    [InlineData("f32", "1e39")]
    [InlineData("f64", "1e309")]
    public void FloatingPointBeyondItsRange_IsInfinity_AsSystemTextJsonReadsIt(string member, string value)
    {
        string json = $$"""{"{{member}}":{{value}}}""";
        var stj = JsonSerializer.Deserialize<Scalars>(json, OptionsFor<Scalars>())!;
        var generated = LambdaJsonSerializer.Deserialize<Scalars>(Utf8(json))!;
        Assert.Equal(stj, generated);
        Assert.True(double.IsInfinity(member == "f32" ? generated.F32 : generated.F64));
    }

    [Theory]
    [InlineData("Light,", true)]
    [InlineData("Light, Dark", true)]
    [InlineData("Light , Dark,", true)]
    [InlineData(" pitch-black ", true)]
    [InlineData("pitch-black,dark", true)]
    [InlineData("1", true)]
    [InlineData("-1", true)]
    [InlineData(",Dark", false)]
    [InlineData("Light,,Dark", false)]
    [InlineData(",", false)]
    [InlineData("", false)]
    [InlineData("1,Dark", false)]
    [InlineData("PitchBlack", false)]
    public void StringEnums_ReadAsSystemTextJsonsConverterReadsThem(string text, bool readable) =>
        SameAsStj<Everything>($$"""{"name":"n","shade":{{JsonSerializer.Serialize(text)}}}""", readable);

    [Fact]
    public void RequiredMember_Missing_IsAnError_AndDefaultsStay()
    {
        SameAsStj<Everything>("""{"n":1}""", readable: false);
        var read = LambdaJsonSerializer.Deserialize<Everything>(Utf8("""{"name":"x"}"""))!;
        Assert.Equal(Color.Green, read.Color);
        Assert.Equal(7, LambdaJsonSerializer.Deserialize<Lenient>(Utf8("{}"))!.Count);
    }

    [Fact]
    public void IgnoredAndComputedMembers_FollowTheirAttributes()
    {
        var value = new Everything { Name = "a", Secret = "s", Optional = null, Extra = JsonDocument.Parse("1").RootElement };
        string written = System.Text.Encoding.UTF8.GetString(WriteGenerated(value));
        Assert.DoesNotContain("secret", written);
        Assert.DoesNotContain("optional", written);
        Assert.Contains("\"computed\":\"a!\"", written);
        Assert.Null(LambdaJsonSerializer.Deserialize<Everything>(Utf8("""{"name":"a","secret":"s"}"""))!.Secret);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("  {\"LABEL\":\"a\"}  ")]
    [InlineData("")]
    [InlineData("{} {}")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("\uFEFF{}")]
    public void TheWholeText_IsOneValue(string json) => SameAsStj<Link>(json, readable: ReadStj<Link>(Utf8(json)) != "error");
}
