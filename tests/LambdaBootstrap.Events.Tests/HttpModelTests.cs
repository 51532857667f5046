using System.Text;
using LambdaBootstrap.Events.Http;

namespace LambdaBootstrap.Events.Tests;

/// <summary>The HTTP model's own behaviour: multi-value maps, authorizer values, query decoding.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpModelTests
{
    [Fact]
    public void Headers_are_case_insensitive_multi_value_and_keep_their_order()
    {
        var headers = new MultiValueMap(ignoreCase: true);
        headers.Add("Accept", "text/html");
        headers.Add("accept", "application/json");
        Assert.Equal(["text/html", "application/json"], headers.GetValues("ACCEPT"));
        Assert.Equal("text/html", headers["accept"]);
        headers["Accept"] = "*/*";
        Assert.Equal(["*/*"], headers.GetValues("accept"));
        headers["accept"] = null;
        Assert.False(headers.Contains("Accept"));
        Assert.Empty(headers.GetValues("accept"));
        Assert.Null(headers["accept"]);
    }

    [Fact]
    public void Query_names_are_case_sensitive()
    {
        var query = HttpRequestReader.ParseQuery("a=1&A=2&a=3&flag&empty=&sp=x+y%2Bz");
        Assert.Equal(["1", "3"], query.GetValues("a"));
        Assert.Equal(["2"], query.GetValues("A"));
        Assert.Equal("", query["flag"]);
        Assert.Equal("", query["empty"]);
        Assert.Equal("x y+z", query["sp"]);
    }

    [Fact]
    public void Lambda_authorizer_values_of_any_json_type_become_text()
    {
        const string json = """
            {"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"GET"},"authorizer":{"lambda":
              {"s":"text","n":12.50,"b":false,"o":{"k":[1,"x"]},"a":[true],"z":null}}}}
            """;
        var claims = HttpRequestReader.Read(Encoding.UTF8.GetBytes(json)).RequestContext.AuthorizerClaims;
        Assert.Equal("text", claims["s"]);
        Assert.Equal("12.50", claims["n"]);
        Assert.Equal("false", claims["b"]);
        Assert.Equal("{\"k\":[1,\"x\"]}", claims["o"]);
        Assert.Equal("[true]", claims["a"]);
        Assert.False(claims.ContainsKey("z"));
    }

    [Fact]
    public void Rest_api_lambda_authorizer_context_becomes_claims()
    {
        const string json = """
            {"httpMethod":"GET","path":"/","requestContext":{"authorizer":{"principalId":"user-1","integrationLatency":42,"tier":"gold"}}}
            """;
        var claims = HttpRequestReader.Read(Encoding.UTF8.GetBytes(json)).RequestContext.AuthorizerClaims;
        Assert.Equal("user-1", claims["principalId"]);
        Assert.Equal("42", claims["integrationLatency"]);
        Assert.Equal("gold", claims["tier"]);
    }

    [Fact]
    public void Null_members_are_as_good_as_missing()
    {
        const string json = """
            {"httpMethod":"DELETE","path":null,"headers":null,"multiValueHeaders":null,"queryStringParameters":null,
             "pathParameters":null,"body":null,"isBase64Encoded":null,"requestContext":{"identity":null,"authorizer":null}}
            """;
        var request = HttpRequestReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal(0, request.Headers.Count);
        Assert.True(request.Body.IsEmpty);
        Assert.Null(request.RequestContext.SourceIp);
        Assert.Empty(request.RequestContext.AuthorizerClaims);
    }
}
