using System.Text;
using LambdaBootstrap.Events.Http;

namespace LambdaBootstrap.Events.Tests;

/// <summary>
/// One path model behind every front door: <c>Path</c> without the stage, decoded once; <c>PathBase</c> the stage
/// prefix the client's URL carried; <c>RawPath</c> as it arrived.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpPathModelTests
{
    public static TheoryData<HttpEventFormat> Formats => new(FrontDoorEvents.All);

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_space_is_decoded_once(HttpEventFormat format)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, "GET", "/items/a%20b%2520c"));
        Assert.Equal(format, request.Format);
        Assert.Equal("/items/a b%20c", request.Path);
        Assert.Equal("/items/a%20b%2520c", request.RawPath);
        Assert.Equal("", request.PathBase);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_encoded_slash_is_decoded_in_the_path_and_kept_in_the_raw_path(HttpEventFormat format)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, "GET", "/files/a%2Fb"));
        Assert.Equal("/files/a/b", request.Path);
        Assert.Equal("/files/a%2Fb", request.RawPath);
    }

    [Theory]
    [InlineData(HttpEventFormat.ApiGatewayV1)]
    [InlineData(HttpEventFormat.ApiGatewayV2)]
    public void A_named_stage_is_the_path_base_not_part_of_the_path(HttpEventFormat format)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, "GET", "/items/a%20b", stage: "prod"));
        Assert.Equal("/items/a b", request.Path);
        Assert.Equal("/prod", request.PathBase);
        Assert.Equal("/prod/items/a%20b", request.RawPath);
        Assert.Equal("prod", request.RequestContext.Stage);
    }

    [Theory]
    [InlineData(HttpEventFormat.ApiGatewayV1)]
    [InlineData(HttpEventFormat.ApiGatewayV2)]
    public void The_root_of_a_named_stage_is_slash(HttpEventFormat format)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, "GET", "/", stage: "prod"));
        Assert.Equal("/", request.Path);
        Assert.Equal("/prod", request.PathBase);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_default_stage_has_no_path_base(HttpEventFormat format)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, "GET", "/items"));
        Assert.Equal("/items", request.Path);
        Assert.Equal("", request.PathBase);
        Assert.Equal("/items", request.RawPath);
    }

    [Fact]
    public void An_http_api_path_that_does_not_start_with_the_stage_keeps_it_all()
    {
        // A custom domain's mapping leaves the stage out of rawPath; a segment merely like the stage's name stays.
        var json = Encoding.UTF8.GetBytes("""{"version":"2.0","rawPath":"/prodigy/items","requestContext":{"http":{"method":"GET"},"stage":"prod"}}""");
        var request = HttpRequestReader.Read(json);
        Assert.Equal("/prodigy/items", request.Path);
        Assert.Equal("", request.PathBase);
    }

    [Theory]
    [InlineData(HttpEventFormat.ApiGatewayV1, "/items/a b", "/prod/items/a%20b")]
    [InlineData(HttpEventFormat.ApiGatewayV2, "/prod/items/a b", "/prod/items/a%20b")]
    public void Ignoring_the_stage_leaves_the_formats_own_path(HttpEventFormat format, string path, string rawPath)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, "GET", "/items/a%20b", stage: "prod"), ignoreStageInPath: true);
        Assert.Equal(path, request.Path);
        Assert.Equal("", request.PathBase);
        Assert.Equal(format == HttpEventFormat.ApiGatewayV1 ? "/items/a%20b" : rawPath, request.RawPath);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_query_is_decoded_once_and_the_raw_query_string_is_encoded(HttpEventFormat format)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, "GET", "/search", "q=a%20b%2Bc&tag=x&tag=y%26z"));
        Assert.Equal("a b+c", request.Query["q"]);
        Assert.Equal(["x", "y&z"], request.Query.GetValues("tag"));
        Assert.Equal("q=a%20b%2Bc&tag=x&tag=y%26z", request.RawQueryString);
    }
}
