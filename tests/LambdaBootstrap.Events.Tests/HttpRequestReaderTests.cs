using System.Text;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.Tests;

/// <summary>Every HTTP front door's event becomes the same <see cref="HttpRequest"/>.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpRequestReaderTests
{
    [Theory]
    [InlineData("apigateway-rest-request.json", HttpEventFormat.ApiGatewayV1)]
    [InlineData("apigateway-rest-cognito-request.json", HttpEventFormat.ApiGatewayV1)]
    [InlineData("httpapi-v2-request.json", HttpEventFormat.ApiGatewayV2)]
    [InlineData("httpapi-v2-lambda-authorizer-request.json", HttpEventFormat.ApiGatewayV2)]
    [InlineData("function-url-request.json", HttpEventFormat.FunctionUrl)]
    [InlineData("alb-request.json", HttpEventFormat.Alb)]
    [InlineData("alb-multivalue-request.json", HttpEventFormat.Alb)]
    public void The_format_is_detected_from_the_event(string fixture, HttpEventFormat format) =>
        Assert.Equal(format, HttpRequestReader.Read(SampleEvents.Bytes(fixture)).Format);

    [Fact]
    public void Rest_api_request_is_normalised()
    {
        var request = HttpRequestReader.Read(SampleEvents.Bytes("apigateway-rest-request.json"));
        Assert.Equal("GET", request.Method);
        Assert.Equal("/my/path", request.Path);
        Assert.Equal(["value1", "value2"], request.Query.GetValues("parameter1"));
        Assert.Equal(["value1", "value2"], request.Headers.GetValues("HEADER2"));
        Assert.Equal("Hello from Lambda!", request.BodyText);
        Assert.Equal("IP", request.RequestContext.SourceIp);
        Assert.Equal("id=", request.RequestContext.RequestId);
        Assert.Equal("$default", request.RequestContext.Stage);
        Assert.Empty(request.RequestContext.AuthorizerClaims);
        Assert.Empty(request.PathParameters);
    }

    [Fact]
    public void Rest_api_request_decodes_a_base64_body_and_reads_cookies_claims_and_path_parameters()
    {
        var request = HttpRequestReader.Read(SampleEvents.Bytes("apigateway-rest-cognito-request.json"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, request.Body.ToArray());
        Assert.Equal(["session=abc", "theme=dark"], request.Cookies);
        Assert.Equal("42", request.PathParameters["id"]);
        Assert.Equal("ada", request.RequestContext.AuthorizerClaims["cognito:username"]);
        Assert.Equal("prod", request.RequestContext.Stage);
        Assert.Equal("/items/42", request.Path);
    }

    [Fact]
    public void Http_api_request_is_normalised_with_its_cookies_as_a_cookie_header()
    {
        var request = HttpRequestReader.Read(SampleEvents.Bytes("httpapi-v2-request.json"));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/my/path", request.Path);
        Assert.Equal(["value1", "value2"], request.Query.GetValues("parameter1"));
        Assert.Equal(["cookie1", "cookie2"], request.Cookies);
        Assert.Equal("cookie1; cookie2", request.Headers["Cookie"]);
        Assert.Equal("value1", request.RequestContext.AuthorizerClaims["claim1"]);
        Assert.Equal("192.0.2.1", request.RequestContext.SourceIp);
        Assert.Equal("value1", request.PathParameters["parameter1"]);
        Assert.Equal("Hello from Lambda", request.BodyText);
    }

    [Fact]
    public void Http_api_query_is_decoded_and_lambda_authorizer_context_becomes_claims()
    {
        var request = HttpRequestReader.Read(SampleEvents.Bytes("httpapi-v2-lambda-authorizer-request.json"));
        Assert.Equal("Good day", request.Query["greeting"]);
        Assert.Equal("a b", request.Query["tag"]);
        Assert.Equal("Ada", request.PathParameters["name"]);
        Assert.Equal("ada", request.RequestContext.AuthorizerClaims["userId"]);
        Assert.Equal("true", request.RequestContext.AuthorizerClaims["admin"]);
        Assert.Equal("3", request.RequestContext.AuthorizerClaims["level"]);
        Assert.Empty(request.Cookies);
        Assert.Null(request.Headers["cookie"]);
        Assert.True(request.Body.IsEmpty);
    }

    [Fact]
    public void Function_url_request_is_normalised_with_its_iam_caller_as_claims()
    {
        var request = HttpRequestReader.Read(SampleEvents.Bytes("function-url-request.json"));
        Assert.Equal("POST", request.Method);
        Assert.Equal("123.123.123.123", request.RequestContext.SourceIp);
        Assert.Equal("$default", request.RequestContext.Stage);
        Assert.Equal("arn:aws:iam::111122223333:user/example-user", request.RequestContext.AuthorizerClaims["userArn"]);
        Assert.Equal("111122223333", request.RequestContext.AuthorizerClaims["accountId"]);
        Assert.False(request.RequestContext.AuthorizerClaims.ContainsKey("cognitoIdentity"));
        Assert.Equal("Hello from client!", request.BodyText);
    }

    [Fact]
    public void Alb_request_is_normalised_in_both_modes()
    {
        var single = HttpRequestReader.Read(SampleEvents.Bytes("alb-request.json"));
        Assert.Equal("/lambda", single.Path);
        Assert.Equal("1234ABCD", single.Query["query"]);
        Assert.Equal("72.12.164.125", single.RequestContext.SourceIp);
        Assert.Null(single.RequestContext.RequestId);
        Assert.False(single.AlbMultiValue);

        var multi = HttpRequestReader.Read(SampleEvents.Bytes("alb-multivalue-request.json"));
        Assert.Equal(["val1", "val2"], multi.Query.GetValues("myKey"));
        Assert.Equal("a b+c", multi.Query["encoded"]);
        Assert.Equal(["name1=value1", "name2=value2"], multi.Cookies);
        Assert.Equal("72.21.198.66", multi.RequestContext.SourceIp);
        Assert.True(multi.AlbMultiValue);
    }

    [Theory]
    [InlineData("{\"hello\":1}", "matches none of them")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"version\":\"2.0\",", "not valid JSON")]
    [InlineData("{\"httpMethod\":\"GET\"}", "matches none of them")]
    [InlineData("{\"version\":\"2.0\",\"requestContext\":{\"http\":[]}}", "requestContext.http is an array, not an object")]
    public void An_event_in_no_http_format_is_a_serialization_error_naming_the_formats(string json, string why)
    {
        var error = Assert.Throws<RuntimeErrorException>(() => HttpRequestReader.Read(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("Runtime.SerializationError", error.ErrorType);
        Assert.Contains(why, error.Message);
        foreach (var format in new[] { "API Gateway REST", "HTTP API", "Function URL", "ALB" })
            Assert.Contains(format, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Invalid_base64_with_isBase64Encoded_is_a_clear_error()
    {
        const string json = """{"version":"2.0","rawPath":"/","requestContext":{"http":{"method":"POST"}},"body":"not*base64","isBase64Encoded":true}""";
        var error = Assert.Throws<RuntimeErrorException>(() => HttpRequestReader.Read(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("Runtime.SerializationError", error.ErrorType);
        Assert.Contains("isBase64Encoded but is not valid base64", error.Message);
    }

    [Fact]
    public void An_event_of_a_format_with_a_wrong_member_type_is_a_serialization_error()
    {
        const string json = """{"httpMethod":"GET","requestContext":{},"headers":{"a":5}}""";
        var error = Assert.Throws<RuntimeErrorException>(() => HttpRequestReader.Read(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("Runtime.SerializationError", error.ErrorType);
        Assert.Contains("headers.a is a number, not a string", error.Message);
    }
}
