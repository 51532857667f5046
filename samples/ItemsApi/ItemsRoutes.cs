using System.Diagnostics;
using System.Text.Json;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Metrics;

namespace ItemsApi;

/// <summary>
/// The API's routes: POST /items, GET /items/{id}, GET /items; the router answers 404 and 405 itself. Each request
/// is measured: CloudWatch metrics <c>Requests</c> and <c>Latency</c>, with the route as a dimension.
/// </summary>
public sealed class ItemsRoutes(ItemStore store)
{
    public HttpRouter Router() => new HttpRouter()
        .MapPost("/items", Measured("POST /items", (request, context) => CreateAsync(request, context)))
        .MapGet("/items", Measured("GET /items", async (_, context) => HttpResponse.Json(200, await store.ListAsync(context), ItemsJson.Default.ListItem)))
        .MapGet("/items/{id}", Measured("GET /items/{id}", (request, context) => GetAsync(request.RouteValues["id"], context)));

    // The route's metrics, written as EMF when the invocation ends, whether it answered or failed.
    private static Func<HttpRequest, ILambdaContext, Task<HttpResponse>> Measured(string route, Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handle) =>
        async (request, context) =>
        {
            long started = Stopwatch.GetTimestamp();
            context.Metrics.AddDimension("route", route);
            try
            {
                return await handle(request, context);
            }
            finally
            {
                context.Metrics.Add("Requests", 1, MetricUnit.Count);
                context.Metrics.Add("Latency", Stopwatch.GetElapsedTime(started).TotalMilliseconds, MetricUnit.Milliseconds);
            }
        };

    private async Task<HttpResponse> GetAsync(string id, ILambdaContext context) =>
        await store.GetAsync(id, context) is { } item
            ? HttpResponse.Json(200, item, ItemsJson.Default.Item)
            : Error(404, $"no item {id}");

    private async Task<HttpResponse> CreateAsync(HttpRequest request, ILambdaContext context)
    {
        NewItem? posted;
        try
        {
            posted = JsonSerializer.Deserialize(request.Body.Span, ItemsJson.Default.NewItem);
        }
        catch (JsonException e)
        {
            return Error(400, $"the body is not valid JSON: {e.Message}");
        }
        if (posted?.Name is not { Length: > 0 } name)
            return Error(400, "the body needs a \"name\"");

        var item = new Item(Guid.NewGuid().ToString("n"), name);
        await store.PutAsync(item, context);
        return HttpResponse.Json(201, item, ItemsJson.Default.Item).WithHeader("Location", $"/items/{item.Id}");
    }

    private static HttpResponse Error(int status, string message) =>
        HttpResponse.Json(status, new ErrorMessage(message), ItemsJson.Default.ErrorMessage);
}
