using System.Text.Json.Serialization.Metadata;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace LambdaBootstrap.Events;

/// <summary>
/// <c>LambdaHandler.TokenAuthorizer(...)</c> and the other Lambda authorizers of API Gateway: REST <c>TOKEN</c> and
/// <c>REQUEST</c>, HTTP API simple and IAM responses (payload 2.0), and a WebSocket API's <c>$connect</c>. Each reads
/// and writes its event through source-generated metadata, and refuses an event of another kind of authorizer as a
/// <c>Runtime.SerializationError</c> that says which it is, so a function wired to the wrong authorizer fails plainly.
/// </summary>
public static class AuthorizerHandlers
{
    extension(LambdaHandler)
    {
        /// <summary>A REST API <c>TOKEN</c> authorizer: <see cref="APIGatewayCustomAuthorizerRequest.AuthorizationToken"/> in, a policy out.</summary>
        public static LambdaHandler TokenAuthorizer(Func<APIGatewayCustomAuthorizerRequest, ILambdaContext, APIGatewayCustomAuthorizerResponse> handler) =>
            Rest(Async(handler), "TOKEN", websocket: false);

        /// <summary>An asynchronous REST API <c>TOKEN</c> authorizer.</summary>
        public static LambdaHandler TokenAuthorizer(Func<APIGatewayCustomAuthorizerRequest, ILambdaContext, Task<APIGatewayCustomAuthorizerResponse>> handler) =>
            Rest(handler, "TOKEN", websocket: false);

        /// <summary>A REST API <c>REQUEST</c> authorizer: headers, query, path and context in, a policy out.</summary>
        public static LambdaHandler RequestAuthorizer(Func<APIGatewayCustomAuthorizerRequest, ILambdaContext, APIGatewayCustomAuthorizerResponse> handler) =>
            Rest(Async(handler), "REQUEST", websocket: false);

        /// <summary>An asynchronous REST API <c>REQUEST</c> authorizer.</summary>
        public static LambdaHandler RequestAuthorizer(Func<APIGatewayCustomAuthorizerRequest, ILambdaContext, Task<APIGatewayCustomAuthorizerResponse>> handler) =>
            Rest(handler, "REQUEST", websocket: false);

        /// <summary>A WebSocket API's <c>$connect</c> authorizer (a <c>REQUEST</c> authorizer with the connection in its context).</summary>
        public static LambdaHandler WebSocketAuthorizer(Func<APIGatewayCustomAuthorizerRequest, ILambdaContext, APIGatewayCustomAuthorizerResponse> handler) =>
            Rest(Async(handler), "REQUEST", websocket: true);

        /// <summary>An asynchronous WebSocket API <c>$connect</c> authorizer.</summary>
        public static LambdaHandler WebSocketAuthorizer(Func<APIGatewayCustomAuthorizerRequest, ILambdaContext, Task<APIGatewayCustomAuthorizerResponse>> handler) =>
            Rest(handler, "REQUEST", websocket: true);

        /// <summary>An HTTP API authorizer with simple responses (payload 2.0, <c>EnableSimpleResponses</c>): <c>isAuthorized</c> and a context.</summary>
        public static LambdaHandler HttpApiAuthorizer(Func<APIGatewayCustomAuthorizerV2Request, ILambdaContext, APIGatewayCustomAuthorizerV2SimpleResponse> handler) =>
            HttpApi(Async(handler), ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerV2SimpleResponse);

        /// <summary>An asynchronous HTTP API authorizer with simple responses.</summary>
        public static LambdaHandler HttpApiAuthorizer(Func<APIGatewayCustomAuthorizerV2Request, ILambdaContext, Task<APIGatewayCustomAuthorizerV2SimpleResponse>> handler) =>
            HttpApi(handler, ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerV2SimpleResponse);

        /// <summary>An HTTP API authorizer (payload 2.0) that answers with an IAM policy.</summary>
        public static LambdaHandler HttpApiIamAuthorizer(Func<APIGatewayCustomAuthorizerV2Request, ILambdaContext, APIGatewayCustomAuthorizerV2IamResponse> handler) =>
            HttpApi(Async(handler), ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerV2IamResponse);

        /// <summary>An asynchronous HTTP API authorizer that answers with an IAM policy.</summary>
        public static LambdaHandler HttpApiIamAuthorizer(Func<APIGatewayCustomAuthorizerV2Request, ILambdaContext, Task<APIGatewayCustomAuthorizerV2IamResponse>> handler) =>
            HttpApi(handler, ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerV2IamResponse);
    }

    private static LambdaHandler Rest(Func<APIGatewayCustomAuthorizerRequest, ILambdaContext, Task<APIGatewayCustomAuthorizerResponse>> handler, string type, bool websocket)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return LambdaHandler.Json<APIGatewayCustomAuthorizerRequest, APIGatewayCustomAuthorizerResponse>((request, context) =>
        {
            string kind = websocket ? "WebSocket $connect REQUEST" : $"REST {type}";
            if (!string.Equals(request.Type, type, StringComparison.OrdinalIgnoreCase))
                throw WrongKind(kind, $"a {request.Type ?? "typeless"} authorizer request");
            if (websocket != (request.RequestContext?.ConnectionId is not null))
                throw WrongKind(kind, websocket ? "a REST REQUEST authorizer request (no connectionId)" : "a WebSocket $connect authorizer request");
            return handler(request, context);
        }, ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerRequest, ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerResponse);
    }

    private static LambdaHandler HttpApi<TOut>(Func<APIGatewayCustomAuthorizerV2Request, ILambdaContext, Task<TOut>> handler, JsonTypeInfo<TOut> output)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return LambdaHandler.Json<APIGatewayCustomAuthorizerV2Request, TOut>((request, context) =>
        {
            if (request.Version != "2.0")
                throw WrongKind("HTTP API (payload 2.0)", $"a {request.Type ?? "typeless"} authorizer request of version {request.Version ?? "1.0"}");
            return handler(request, context);
        }, ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerV2Request, output);
    }

    private static Func<TIn, ILambdaContext, Task<TOut>> Async<TIn, TOut>(Func<TIn, ILambdaContext, TOut> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (request, context) => Task.FromResult(handler(request, context));
    }

    private static RuntimeErrorException WrongKind(string expected, string actual) =>
        new(RuntimeErrorException.SerializationError, $"This {expected} authorizer got {actual}: check which authorizer type the API declares for this function.");
}
