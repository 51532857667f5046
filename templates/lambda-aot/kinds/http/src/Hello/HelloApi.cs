using System.Buffers;
using System.Text.Json;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Json;

namespace Hello;

/// <summary>
/// The API: <c>GET /hello/{name}</c> → 200 <c>{"message":"Hello, {name}!"}</c>; <c>POST /greetings</c> with
/// <c>{"name":"Ada"}</c> → 201 with the same answer, 400 for a body it cannot read. Any other path is a 404, another
/// method on these paths a 405, both answered by the router.
/// </summary>
public static class HelloApi
{
    public static HttpRouter Router() => new HttpRouter()
        .MapGet("/hello/{name}", (request, context) => Greet(200, request.RouteValues["name"], context))
        .MapPost("/greetings", CreateGreeting);

    private static HttpResponse CreateGreeting(HttpRequest request, ILambdaContext context)
    {
        GreetRequest? posted;
        try
        {
            posted = LambdaJsonSerializer.Deserialize<GreetRequest>(request.Body.Span);
        }
        catch (JsonException e)
        {
            return Json(400, new Reply($"the body is not a greeting request: {e.Message}"));
        }
        return string.IsNullOrWhiteSpace(posted?.Name)
            ? Json(400, new Reply("the body needs a \"name\""))
            : Greet(201, posted.Name, context);
    }

    private static HttpResponse Greet(int status, string name, ILambdaContext context)
    {
        context.Logger.LogInformation($"greeting {name}");
        return Json(status, new Reply($"Hello, {name}!"));
    }

    /// <summary>A JSON response, written by the [LambdaJson] type's generated code.</summary>
    private static HttpResponse Json<T>(int status, T value) where T : ILambdaJson<T>
    {
        var body = new ArrayBufferWriter<byte>();
        LambdaJsonSerializer.Serialize(body, value);
        return HttpResponse.Bytes(status, body.WrittenMemory, "application/json");
    }
}
