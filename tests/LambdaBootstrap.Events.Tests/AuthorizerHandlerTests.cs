using System.Text.Json;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace LambdaBootstrap.Events.Tests;

/// <summary>The Lambda authorizer adapters read their request, write their response, and refuse another kind's event.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class AuthorizerHandlerTests
{
    private static APIGatewayCustomAuthorizerResponse Allow(string principal, string resource) => new()
    {
        PrincipalId = principal,
        PolicyDocument = APIGatewayCustomAuthorizerPolicy.Allow(resource),
        Context = new() { ["tier"] = JsonDocument.Parse("\"gold\"").RootElement },
    };

    // A policy writes one resource as a string, several as an array: IAM reads both.
    private static string? OneOf(JsonElement value) => value.ValueKind == JsonValueKind.Array ? value[0].GetString() : value.GetString();

    [Fact]
    public async Task A_token_authorizer_gets_the_token_and_returns_a_policy()
    {
        var handler = LambdaHandler.TokenAuthorizer((request, _) =>
            request.AuthorizationToken == "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig" ? Allow("ada", request.MethodArn!) : Allow("nobody", "none"));
        var response = JsonDocument.Parse(await HandlerInvoker.Invoke(handler, SampleEvents.Bytes("apigateway-authorizer-token-request.json"))).RootElement;
        Assert.Equal("ada", response.GetProperty("principalId").GetString());
        var statement = response.GetProperty("policyDocument").GetProperty("Statement")[0];
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/GET/items/42", OneOf(statement.GetProperty("Resource")));
        Assert.Equal("gold", response.GetProperty("context").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task A_request_authorizer_gets_the_request_and_refuses_a_token_event()
    {
        var handler = LambdaHandler.RequestAuthorizer((request, _) => Allow(request.StageVariables!["StageVar1"], request.MethodArn!));
        var response = JsonDocument.Parse(await HandlerInvoker.Invoke(handler, SampleEvents.Bytes("apigateway-authorizer-request-request.json"))).RootElement;
        Assert.Equal("stageValue1", response.GetProperty("principalId").GetString());

        var wrong = await Assert.ThrowsAsync<RuntimeErrorException>(() => HandlerInvoker.Invoke(handler, SampleEvents.Bytes("apigateway-authorizer-token-request.json")));
        Assert.Equal(RuntimeErrorException.SerializationError, wrong.ErrorType);
        Assert.Contains("REST REQUEST authorizer got a TOKEN authorizer request", wrong.Message);
    }

    [Fact]
    public async Task A_websocket_authorizer_gets_the_connect_request_and_refuses_a_rest_one()
    {
        var handler = LambdaHandler.WebSocketAuthorizer((request, _) => Allow(request.RequestContext!.ConnectionId!, request.MethodArn!));
        var response = JsonDocument.Parse(await HandlerInvoker.Invoke(handler, SampleEvents.Bytes("apigateway-authorizer-websocket-request.json"))).RootElement;
        Assert.Equal("Xy1AbcdEFiACHyQ=", response.GetProperty("principalId").GetString());

        var wrong = await Assert.ThrowsAsync<RuntimeErrorException>(() => HandlerInvoker.Invoke(handler, SampleEvents.Bytes("apigateway-authorizer-request-request.json")));
        Assert.Contains("no connectionId", wrong.Message);
    }

    [Fact]
    public async Task Http_api_authorizers_answer_simply_or_with_a_policy_and_refuse_a_rest_event()
    {
        var simple = LambdaHandler.HttpApiAuthorizer((request, _) => new APIGatewayCustomAuthorizerV2SimpleResponse
        {
            IsAuthorized = request.RouteKey == "GET /items/{id}",
            Context = new() { ["route"] = JsonDocument.Parse($"\"{request.RouteKey}\"").RootElement },
        });
        var answer = JsonDocument.Parse(await HandlerInvoker.Invoke(simple, SampleEvents.Bytes("httpapi-authorizer-v2-request.json"))).RootElement;
        Assert.True(answer.GetProperty("isAuthorized").GetBoolean());
        Assert.Equal("GET /items/{id}", answer.GetProperty("context").GetProperty("route").GetString());

        var iam = LambdaHandler.HttpApiIamAuthorizer((request, _) => new APIGatewayCustomAuthorizerV2IamResponse
        {
            PrincipalId = "ada",
            PolicyDocument = APIGatewayCustomAuthorizerPolicy.Deny(request.RouteArn!),
        });
        var policy = JsonDocument.Parse(await HandlerInvoker.Invoke(iam, SampleEvents.Bytes("httpapi-authorizer-v2-request.json"))).RootElement;
        Assert.Equal("Deny", policy.GetProperty("policyDocument").GetProperty("Statement")[0].GetProperty("Effect").GetString());

        var wrong = await Assert.ThrowsAsync<RuntimeErrorException>(() => HandlerInvoker.Invoke(simple, SampleEvents.Bytes("apigateway-authorizer-token-request.json")));
        Assert.Contains("HTTP API (payload 2.0) authorizer got a TOKEN authorizer request", wrong.Message);
    }
}
