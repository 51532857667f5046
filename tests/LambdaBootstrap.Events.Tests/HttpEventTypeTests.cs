using System.Text.Json;

namespace LambdaBootstrap.Events.Tests;

/// <summary>API Gateway REST (1.0), HTTP API (2.0), Function URL and ALB types against AWS's sample events.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpEventTypeTests
{
    [Fact]
    public void Rest_api_request_sample_round_trips_with_multi_value_fields_and_client_cert()
    {
        var e = SampleEvents.AssertRoundTrips("apigateway-rest-request.json", ApiGatewayJson.Default.APIGatewayProxyRequest);
        Assert.Equal("GET", e.HttpMethod);
        Assert.Equal("/my/path", e.Path);
        Assert.Equal(["value1", "value2"], e.MultiValueHeaders!["header2"]);
        Assert.Equal(["value1", "value2"], e.MultiValueQueryStringParameters!["parameter1"]);
        Assert.Null(e.PathParameters);
        Assert.False(e.IsBase64Encoded);
        var context = e.RequestContext!;
        Assert.Equal("IP", context.Identity!.SourceIp);
        Assert.Null(context.Identity.AccessKey);
        Assert.Equal("www.example.com", context.Identity.ClientCert!.SubjectDN);
        Assert.Equal("Aug  5 09:36:04 2021 GMT", context.Identity.ClientCert.Validity!.NotAfter);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1583349317135), context.RequestTimeUtc);
        Assert.Equal(JsonValueKind.Null, context.Authorizer!["claims"].ValueKind);
    }

    [Fact]
    public void Rest_api_request_with_a_cognito_authorizer_round_trips()
    {
        var e = SampleEvents.AssertRoundTrips("apigateway-rest-cognito-request.json", ApiGatewayJson.Default.APIGatewayProxyRequest);
        Assert.Equal("42", e.PathParameters!["id"]);
        Assert.Equal("items", e.StageVariables!["table"]);
        Assert.Equal("ada", e.RequestContext!.Authorizer!["claims"].GetProperty("cognito:username").GetString());
        Assert.True(e.IsBase64Encoded);
    }

    [Fact]
    public void Rest_api_response_sample_round_trips()
    {
        var r = SampleEvents.AssertRoundTrips("apigateway-rest-response.json", ApiGatewayJson.Default.APIGatewayProxyResponse);
        Assert.Equal(200, r.StatusCode);
        Assert.Equal(["a=1", "b=2"], r.MultiValueHeaders!["Set-Cookie"]);
        Assert.Equal("application/json", r.Headers!["Content-Type"]);
    }

    [Fact]
    public void Http_api_request_sample_round_trips_with_cookies_raw_path_and_jwt_authorizer()
    {
        var e = SampleEvents.AssertRoundTrips("httpapi-v2-request.json", HttpApiJson.Default.APIGatewayHttpApiV2ProxyRequest);
        Assert.Equal("2.0", e.Version);
        Assert.Equal("/my/path", e.RawPath);
        Assert.Equal("parameter1=value1&parameter1=value2&parameter2=value", e.RawQueryString);
        Assert.Equal(["cookie1", "cookie2"], e.Cookies!);
        Assert.Equal("value1,value2", e.Headers!["header2"]);
        var context = e.RequestContext!;
        Assert.Equal("POST", context.Http!.Method);
        Assert.Equal("192.0.2.1", context.Http.SourceIp);
        Assert.Equal("value1", context.Authorizer!.Jwt!.Claims!["claim1"]);
        Assert.Equal(["scope1", "scope2"], context.Authorizer.Jwt.Scopes!);
        Assert.Null(context.Authorizer.Lambda);
        Assert.Equal("CERT_CONTENT", context.Authentication!.ClientCert!.ClientCertPem);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1583348638390), context.TimeUtc);
        Assert.Equal("value2", e.StageVariables!["stageVariable2"]);
    }

    [Fact]
    public void Http_api_request_with_a_lambda_authorizer_round_trips()
    {
        var e = SampleEvents.AssertRoundTrips("httpapi-v2-lambda-authorizer-request.json", HttpApiJson.Default.APIGatewayHttpApiV2ProxyRequest);
        var lambda = e.RequestContext!.Authorizer!.Lambda!;
        Assert.Equal("ada", lambda["userId"].GetString());
        Assert.True(lambda["admin"].GetBoolean());
        Assert.Null(e.Cookies);
        Assert.Null(e.Body);
    }

    [Fact]
    public void Http_api_response_sample_round_trips()
    {
        var r = SampleEvents.AssertRoundTrips("httpapi-v2-response.json", HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse);
        Assert.Equal(201, r.StatusCode);
        Assert.Equal(["cookie1", "cookie2"], r.Cookies!);
        Assert.True(r.IsBase64Encoded);
    }

    [Fact]
    public void Function_url_request_sample_round_trips_with_its_iam_caller()
    {
        var e = SampleEvents.AssertRoundTrips("function-url-request.json", HttpApiJson.Default.LambdaFunctionUrlRequest);
        Assert.Equal("<url-id>.lambda-url.us-west-2.on.aws", e.RequestContext!.DomainName);
        Assert.Equal("arn:aws:iam::111122223333:user/example-user", e.RequestContext.Authorizer!.Iam!.UserArn);
        Assert.Null(e.RequestContext.Authorizer.Iam.CognitoIdentity);
        Assert.Null(e.RequestContext.Authentication);
        Assert.Equal("Hello from client!", e.Body);
    }

    [Fact]
    public void Alb_request_samples_round_trip_single_and_multi_value()
    {
        var single = SampleEvents.AssertRoundTrips("alb-request.json", AlbJson.Default.ApplicationLoadBalancerRequest);
        Assert.Equal("/lambda", single.Path);
        Assert.Equal("1234ABCD", single.QueryStringParameters!["query"]);
        Assert.Null(single.MultiValueHeaders);
        Assert.StartsWith("arn:aws:elasticloadbalancing:us-east-2", single.RequestContext!.Elb!.TargetGroupArn);

        var multi = SampleEvents.AssertRoundTrips("alb-multivalue-request.json", AlbJson.Default.ApplicationLoadBalancerRequest);
        Assert.Equal(["val1", "val2"], multi.MultiValueQueryStringParameters!["myKey"]);
        Assert.Equal(["name1=value1", "name2=value2"], multi.MultiValueHeaders!["cookie"]);
        Assert.Null(multi.Headers);
    }

    [Fact]
    public void Alb_response_samples_round_trip()
    {
        var single = SampleEvents.AssertRoundTrips("alb-response.json", AlbJson.Default.ApplicationLoadBalancerResponse);
        Assert.Equal("200 OK", single.StatusDescription);
        Assert.Equal("text/html", single.Headers!["Content-Type"]);
        var multi = SampleEvents.AssertRoundTrips("alb-multivalue-response.json", AlbJson.Default.ApplicationLoadBalancerResponse);
        Assert.Equal(2, multi.MultiValueHeaders!["Set-cookie"].Count);
    }
}

[Trait(Tier.Name, Tier.Unit)]
public sealed class WebSocketEventTests
{
    [Fact]
    public void WebSocket_events_carry_their_connection_and_route()
    {
        var connect = SampleEvents.Read("apigateway-websocket-connect.json", ApiGatewayJson.Default.APIGatewayProxyRequest).RequestContext!;
        Assert.Equal(("$connect", "CONNECT", "Xy1AbcdEFiACHyQ="), (connect.RouteKey, connect.EventType, connect.ConnectionId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1713169812345), connect.ConnectedAtUtc);
        var message = SampleEvents.Read("apigateway-websocket-message.json", ApiGatewayJson.Default.APIGatewayProxyRequest).RequestContext!;
        Assert.Equal(("sendMessage", "IN", "Xy1BgdrtiAMCFqA="), (message.RouteKey, message.MessageDirection, message.MessageId));
        var disconnect = SampleEvents.Read("apigateway-websocket-disconnect.json", ApiGatewayJson.Default.APIGatewayProxyRequest).RequestContext!;
        Assert.Equal(1001, disconnect.DisconnectStatusCode);
        Assert.Equal("Client-side close frame status not set", disconnect.DisconnectReason);
    }
}
