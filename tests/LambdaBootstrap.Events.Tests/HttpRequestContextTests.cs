using System.Text.Json;
using LambdaBootstrap.Events.Http;

namespace LambdaBootstrap.Events.Tests;

/// <summary>The typed request context: authorizers with their JSON types, route key, stage variables, time, raw event.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpRequestContextTests
{
    [Fact]
    public void A_jwt_authorizer_gives_claims_and_scopes()
    {
        var request = HttpRequestReader.Read(SampleEvents.Bytes("httpapi-v2-request.json"));
        var jwt = request.RequestContext.Authorizer!.Jwt!;
        Assert.Equal("value1", jwt.Claim("claim1"));
        Assert.Equal(["scope1", "scope2"], jwt.Scopes);
        Assert.Null(request.RequestContext.Authorizer.Iam);
        Assert.Null(request.RequestContext.Authorizer.Lambda);
    }

    [Fact]
    public void A_lambda_authorizers_context_keeps_its_json_types()
    {
        var request = HttpRequestReader.Read(SampleEvents.Bytes("httpapi-v2-lambda-authorizer-request.json"));
        var context = request.RequestContext.Authorizer!.Lambda!;
        Assert.Equal("ada", context["userId"].GetString());
        Assert.Equal(JsonValueKind.True, context["admin"].ValueKind);
        Assert.Equal(3, context["level"].GetInt32());
        Assert.Null(request.RequestContext.Authorizer.Jwt);
    }

    [Fact]
    public void An_iam_caller_is_typed_for_function_urls_and_rest_apis()
    {
        var url = HttpRequestReader.Read(SampleEvents.Bytes("function-url-request.json"));
        Assert.Equal("arn:aws:iam::111122223333:user/example-user", url.RequestContext.Authorizer!.Iam!.UserArn);
        Assert.Equal("111122223333", url.RequestContext.Authorizer.Iam.AccountId);

        const string rest = """{"httpMethod":"GET","path":"/","requestContext":{"identity":{"accountId":"123456789012","userArn":"arn:aws:iam::123456789012:user/ada","caller":"AIDAEXAMPLE","accessKey":"AKIAEXAMPLE","sourceIp":"192.0.2.1"}}}""";
        var iam = HttpRequestReader.Read(System.Text.Encoding.UTF8.GetBytes(rest)).RequestContext.Authorizer!.Iam!;
        Assert.Equal("arn:aws:iam::123456789012:user/ada", iam.UserArn);
        Assert.Equal("AIDAEXAMPLE", iam.CallerId);
        Assert.Equal("AKIAEXAMPLE", iam.AccessKey);
    }

    [Fact]
    public void A_rest_cognito_authorizer_gives_claims_and_a_rest_lambda_authorizer_its_context_and_principal()
    {
        var cognito = HttpRequestReader.Read(SampleEvents.Bytes("apigateway-rest-cognito-request.json"));
        Assert.Equal("ada", cognito.RequestContext.Authorizer!.Jwt!.Claim("cognito:username"));
        Assert.Equal("items", cognito.RequestContext.StageVariables["table"]);

        const string lambda = """{"httpMethod":"GET","path":"/","requestContext":{"authorizer":{"principalId":"user-1","tier":"gold","quota":5,"integrationLatency":12}}}""";
        var authorizer = HttpRequestReader.Read(System.Text.Encoding.UTF8.GetBytes(lambda)).RequestContext.Authorizer!;
        Assert.Equal("user-1", authorizer.PrincipalId);
        Assert.Equal("gold", authorizer.Lambda!["tier"].GetString());
        Assert.Equal(5, authorizer.Lambda["quota"].GetInt32());
        Assert.False(authorizer.Lambda.ContainsKey("integrationLatency"));
    }

    [Fact]
    public void No_authorizer_is_null()
    {
        var request = HttpRequestReader.Read(SampleEvents.Bytes("alb-request.json"));
        Assert.Null(request.RequestContext.Authorizer);
    }

    [Fact]
    public void Route_key_resource_time_domain_and_raw_event_are_there()
    {
        var rest = HttpRequestReader.Read(FrontDoorEvents.For(HttpEventFormat.ApiGatewayV1, "GET", "/items/7", routeKey: "GET /items/{id}", pathParameters: new() { ["id"] = "7" }));
        Assert.Equal("GET /items/{id}", rest.RequestContext.RouteKey);
        Assert.Equal("/items/{id}", rest.RequestContext.Resource);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1583349317135), rest.RequestContext.RequestTime);

        var v2 = HttpRequestReader.Read(SampleEvents.Bytes("httpapi-v2-request.json"));
        Assert.Equal("$default", v2.RequestContext.RouteKey);
        Assert.Equal("id.execute-api.us-east-1.amazonaws.com", v2.RequestContext.DomainName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1583348638390), v2.RequestContext.RequestTime);
        Assert.Equal(SampleEvents.Bytes("httpapi-v2-request.json"), v2.RawEvent.ToArray());
        var typed = v2.ReadEvent(HttpApiJson.Default.APIGatewayHttpApiV2ProxyRequest)!;
        Assert.Equal("api-id", typed.RequestContext!.ApiId);

        var url = HttpRequestReader.Read(SampleEvents.Bytes("function-url-request.json"));
        Assert.Null(url.RequestContext.RouteKey);
    }
}
