using System.Text.Json;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;

namespace ItemsApi;

/// <summary>The API's routes: POST /items, GET /items/{id}, GET /items.</summary>
public sealed class ItemsRoutes(ItemStore store)
{
    public async Task<HttpResponse> HandleAsync(HttpRequest request, ILambdaContext context)
    {
        string[] segments = request.Path.Trim('/').Split('/');
        if (segments[0] != "items" || segments.Length > 2)
            return Error(404, $"no route for {request.Path}");

        return (request.Method, segments.Length) switch
        {
            ("POST", 1) => await CreateAsync(request),
            ("GET", 1) => HttpResponse.Json(200, await store.ListAsync(), ItemsJson.Default.ListItem),
            ("GET", 2) => await store.GetAsync(Uri.UnescapeDataString(segments[1])) is { } item
                ? HttpResponse.Json(200, item, ItemsJson.Default.Item)
                : Error(404, $"no item {segments[1]}"),
            _ => Error(405, $"{request.Method} is not allowed on {request.Path}"),
        };
    }

    private async Task<HttpResponse> CreateAsync(HttpRequest request)
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
        await store.PutAsync(item);
        return HttpResponse.Json(201, item, ItemsJson.Default.Item).WithHeader("Location", $"/items/{item.Id}");
    }

    private static HttpResponse Error(int status, string message) =>
        HttpResponse.Json(status, new ErrorMessage(message), ItemsJson.Default.ErrorMessage);
}
