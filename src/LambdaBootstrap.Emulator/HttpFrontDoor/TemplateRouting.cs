using LambdaBootstrap.Emulator.Function;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// A template's API routes on one port (<c>--template</c> with <c>--http-port</c>): each request goes to the function
/// of the route it matches (<see cref="RouteTable"/>), after the route's Lambda authorizer, with the event its API
/// sends: REST APIs payload 1.0, HTTP APIs payload 2.0. No route is API Gateway's 404 (REST: 403).
/// </summary>
internal sealed class TemplateRouting(RouteTable routes, IReadOnlyDictionary<string, LocalFunction> functions, LambdaAuthorizers authorizers, TimeProvider time)
    : IFrontDoorRouting
{
    public async Task<FrontDoorDispatch> DispatchAsync(HttpContext context, byte[] body, string requestId)
    {
        var request = context.Request;
        if (routes.Find(request.Method, EventRoute.RawPathOf(request), out var unmatched) is not { } match)
        {
            var (status, message) = unmatched?.NoRoute ?? (404, "Not Found");
            return FrontDoorDispatch.Message(status, message);
        }
        var route = match.Route;
        var api = route.Api;
        var now = time.GetUtcNow();
        var eventRoute = new EventRoute(api.LogicalId, api.StageName, route.Path, route.RouteKey, match.Path, match.RawPath, match.PathParameters,
            api.StageVariables, null, null);
        AuthorizerOutput? granted = null;
        if (route.Authorizer is { } authorizer)
        {
            var verdict = await authorizers.AuthorizeAsync(authorizer, match, request,
                format => HttpEventBuilder.Build(format, request, body, requestId, now, eventRoute));
            if (!verdict.Allowed)
                return FrontDoorDispatch.Answer(verdict.Status, verdict.Body!);
            granted = verdict.Output;
        }
        var format = api.IsRest ? FrontDoorEventFormat.ApiGatewayV1 : FrontDoorEventFormat.ApiGatewayV2;
        byte[] payload = HttpEventBuilder.Build(format, request, body, requestId, now, eventRoute with { Authorizer = granted });
        return FrontDoorDispatch.Invoke(functions[route.FunctionId], format, payload);
    }
}
