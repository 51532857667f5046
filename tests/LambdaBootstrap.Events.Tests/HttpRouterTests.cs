using System.Text;
using LambdaBootstrap.Events.Http;

namespace LambdaBootstrap.Events.Tests;

/// <summary>The router: templates, specificity, 404/405, HEAD, CORS and API Gateway's own match.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpRouterTests
{
    private static HttpResponse Named(string name, HttpRequest request) =>
        HttpResponse.Text(200, name + (request.RouteValues.Count == 0 ? "" : " " + string.Join(",", request.RouteValues.Select(v => $"{v.Key}={v.Value}"))));

    private static async Task<(int Status, string Body, HttpResponse Response)> Send(HttpRouter router, string method, string path, string query = "",
        HttpEventFormat format = HttpEventFormat.ApiGatewayV2, string? routeKey = null, Dictionary<string, string>? pathParameters = null,
        Dictionary<string, string>? headers = null)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, method, path, query, routeKey: routeKey, pathParameters: pathParameters));
        foreach (var (name, value) in headers ?? [])
            request.Headers[name] = value;
        var response = await router.RouteAsync(request, null!);
        return (response.StatusCode, Encoding.UTF8.GetString(response.Body.Span), response);
    }

    [Fact]
    public async Task The_most_specific_route_wins_whatever_the_order_of_registration()
    {
        var router = new HttpRouter()
            .MapGet("/{*rest}", (r, _) => Named("catch-all", r))
            .MapGet("/items/{name}", (r, _) => Named("name", r))
            .MapGet("/items/{id:int}", (r, _) => Named("id", r))
            .MapGet("/items/new", (r, _) => Named("new", r));

        Assert.Equal("new", (await Send(router, "GET", "/items/new")).Body);
        Assert.Equal("id id=42", (await Send(router, "GET", "/items/42")).Body);
        Assert.Equal("name name=a b", (await Send(router, "GET", "/items/a%20b")).Body);
        Assert.Equal("catch-all rest=x/y", (await Send(router, "GET", "/x/y")).Body);
        Assert.Equal("catch-all rest=", (await Send(router, "GET", "/")).Body);
    }

    [Theory]
    [InlineData("/n/{v:int}", "/n/-7", true)]
    [InlineData("/n/{v:int}", "/n/99999999999", false)]
    [InlineData("/n/{v:long}", "/n/99999999999", true)]
    [InlineData("/n/{v:guid}", "/n/0f8fad5b-d9cb-469f-a165-70867728950e", true)]
    [InlineData("/n/{v:guid}", "/n/nope", false)]
    [InlineData("/n/{v:bool}", "/n/true", true)]
    [InlineData("/n/{v:bool}", "/n/1", false)]
    [InlineData("/n/{v:alpha}", "/n/abc", true)]
    [InlineData("/n/{v:alpha}", "/n/ab1", false)]
    public async Task Typed_parameters_match_only_values_of_their_type(string template, string path, bool matches)
    {
        var router = new HttpRouter().MapGet(template, (r, _) => Named("typed", r));
        Assert.Equal(matches ? 200 : 404, (await Send(router, "GET", path)).Status);
    }

    [Fact]
    public async Task A_greedy_plus_parameter_needs_a_segment_and_an_encoded_slash_stays_in_its_segment()
    {
        var router = new HttpRouter()
            .MapGet("/files/{path+}", (r, _) => Named("files", r))
            .MapGet("/one/{name}", (r, _) => Named("one", r));

        Assert.Equal("files path=a/b c", (await Send(router, "GET", "/files/a/b%20c")).Body);
        Assert.Equal(404, (await Send(router, "GET", "/files")).Status);
        Assert.Equal("one name=a/b", (await Send(router, "GET", "/one/a%2Fb")).Body);
    }

    [Fact]
    public async Task No_route_is_404_and_a_route_of_another_method_is_405_with_allow()
    {
        var router = new HttpRouter()
            .MapGet("/items/{id}", (r, _) => Named("get", r))
            .MapDelete("/items/{id}", (r, _) => Named("delete", r));

        var missing = await Send(router, "GET", "/nothing");
        Assert.Equal(404, missing.Status);
        Assert.Equal("""{"message":"Not Found"}""", missing.Body);

        var wrong = await Send(router, "POST", "/items/1");
        Assert.Equal(405, wrong.Status);
        Assert.Equal("GET, DELETE, HEAD", wrong.Response.Headers["Allow"]);
    }

    [Fact]
    public async Task Head_is_served_by_get_without_a_body_and_map_takes_any_method()
    {
        var router = new HttpRouter()
            .MapGet("/doc", (r, _) => HttpResponse.Text(200, "body").WithHeader("X-Kind", "doc"))
            .Map("/any", (r, _) => Named(r.Method, r));

        var head = await Send(router, "HEAD", "/doc");
        Assert.Equal(200, head.Status);
        Assert.Equal("", head.Body);
        Assert.Equal("doc", head.Response.Headers["X-Kind"]);
        Assert.Equal("PUT", (await Send(router, "PUT", "/any")).Body);
        Assert.Equal("PATCH", (await Send(router, "PATCH", "/any")).Body);
    }

    [Fact]
    public async Task Api_gateways_own_match_and_path_parameters_are_used()
    {
        // API Gateway matched /items/{id}; its decoded parameter wins over what the path alone would give.
        var router = new HttpRouter()
            .MapGet("/items/{id}", (r, _) => Named("by-gateway", r))
            .MapGet("/items/special", (r, _) => Named("literal", r));

        var rest = await Send(router, "GET", "/items/special", format: HttpEventFormat.ApiGatewayV1,
            routeKey: "GET /items/{id}", pathParameters: new() { ["id"] = "special" });
        Assert.Equal("by-gateway id=special", rest.Body);

        var httpApi = await Send(router, "GET", "/items/special", format: HttpEventFormat.ApiGatewayV2,
            routeKey: "GET /items/{id}", pathParameters: new() { ["id"] = "special" });
        Assert.Equal("by-gateway id=special", httpApi.Body);

        var unknownRoute = await Send(router, "GET", "/items/special", routeKey: "ANY /{proxy+}", pathParameters: new() { ["proxy"] = "items/special" });
        Assert.Equal("literal", unknownRoute.Body);
    }

    [Fact]
    public async Task Cors_answers_preflight_and_adds_headers_to_responses_of_allowed_origins()
    {
        var router = new HttpRouter()
            .MapGet("/items", (r, _) => HttpResponse.Text(200, "list"))
            .MapPost("/items", (r, _) => HttpResponse.Text(201, "made"))
            .UseCors(new HttpCorsPolicy { AllowOrigins = ["https://app.example"], MaxAge = TimeSpan.FromMinutes(10) });

        var preflight = await Send(router, "OPTIONS", "/items", headers: new()
        {
            ["Origin"] = "https://app.example",
            ["Access-Control-Request-Method"] = "POST",
            ["Access-Control-Request-Headers"] = "content-type",
        });
        Assert.Equal(204, preflight.Status);
        Assert.Equal("https://app.example", preflight.Response.Headers["Access-Control-Allow-Origin"]);
        Assert.Equal("GET, POST, HEAD, OPTIONS", preflight.Response.Headers["Access-Control-Allow-Methods"]);
        Assert.Equal("content-type", preflight.Response.Headers["Access-Control-Allow-Headers"]);
        Assert.Equal("600", preflight.Response.Headers["Access-Control-Max-Age"]);

        var allowed = await Send(router, "GET", "/items", headers: new() { ["Origin"] = "https://app.example" });
        Assert.Equal("https://app.example", allowed.Response.Headers["Access-Control-Allow-Origin"]);
        Assert.Equal("Origin", allowed.Response.Headers["Vary"]);

        var other = await Send(router, "GET", "/items", headers: new() { ["Origin"] = "https://evil.example" });
        Assert.Null(other.Response.Headers["Access-Control-Allow-Origin"]);

        var withoutCors = new HttpRouter().MapGet("/items", (r, _) => HttpResponse.Text(200, "list"));
        var notAnswered = await Send(withoutCors, "OPTIONS", "/items", headers: new() { ["Origin"] = "https://app.example", ["Access-Control-Request-Method"] = "GET" });
        Assert.Equal(405, notAnswered.Status);
    }

    [Theory]
    [InlineData("items", "does not start with /")]
    [InlineData("/a/{rest+}/b", "greedy parameter must be the last")]
    [InlineData("/a/{id:number}", "the type number is none of")]
    [InlineData("/a/{id}/{id}", "appears twice")]
    [InlineData("/a/x{id}", "mixes text and a parameter")]
    public void An_invalid_template_is_refused_when_mapped(string template, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpRouter().MapGet(template, (r, _) => HttpResponse.Text(200, "")));
        Assert.Contains(why, error.Message);
    }
}
