using System.Text.Json;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;

namespace ItemsApi;

/// <summary>The API's routes: POST /items, GET /items/{id}, GET /items; the router answers 404 and 405 itself.</summary>
public sealed class ItemsRoutes(ItemStore store)
{
    public HttpRouter Router() => new HttpRouter()
        .MapPost("/items", (request, _) => CreateAsync(request))
        .MapGet("/items", async (_, _) => HttpResponse.Json(200, await store.ListAsync(), ItemsJson.Default.ListItem))
        .MapGet("/items/{id}", (request, _) => GetAsync(request.RouteValues["id"]));

    private async Task<HttpResponse> GetAsync(string id) =>
        await store.GetAsync(id) is { } item
            ? HttpResponse.Json(200, item, ItemsJson.Default.Item)
            : Error(404, $"no item {id}");

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
