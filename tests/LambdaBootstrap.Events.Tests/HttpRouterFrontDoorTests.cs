using LambdaBootstrap.Events.Http;

namespace LambdaBootstrap.Events.Tests;

/// <summary>One router-based handler answers the same behind REST, HTTP API, Function URL and ALB.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpRouterFrontDoorTests
{
    private static readonly HttpRouter Router = new HttpRouter()
        .MapGet("/items/{id:int}", (r, _) => HttpResponse.Json(200, $$"""{"id":{{r.RouteValues["id"]}},"q":"{{r.Query["q"]}}"}"""))
        .MapGet("/items/{name}", (r, _) => HttpResponse.Text(200, $"name={r.RouteValues["name"]} path={r.Path}"))
        .MapPost("/items", (r, _) => HttpResponse.Text(201, "created " + r.BodyText))
        .MapGet("/files/{*path}", (r, _) => HttpResponse.Text(200, "file=" + r.RouteValues["path"]));

    public static TheoryData<HttpEventFormat, string, string, string, string> Cases()
    {
        var data = new TheoryData<HttpEventFormat, string, string, string, string>();
        foreach (var format in FrontDoorEvents.All)
        {
            foreach (string stage in format is HttpEventFormat.ApiGatewayV1 or HttpEventFormat.ApiGatewayV2 ? ["$default", "prod"] : new[] { "$default" })
            {
                data.Add(format, stage, "/items/42", "q=a%20b%26c", """200 {"id":42,"q":"a b&c"}""");
                data.Add(format, stage, "/items/a%20b", "", "200 name=a b path=/items/a b");
                data.Add(format, stage, "/items/a%2Fb", "", "200 name=a/b path=/items/a/b");
                data.Add(format, stage, "/files/x/y%20z", "", "200 file=x/y z");
                data.Add(format, stage, "/nothing", "", """404 {"message":"Not Found"}""");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_same_request_gets_the_same_response_behind_every_front_door(HttpEventFormat format, string stage, string path, string query, string expected)
    {
        var request = HttpRequestReader.Read(FrontDoorEvents.For(format, "GET", path, query, stage));
        var (status, body, _) = FrontDoorEvents.ReadResponse(HttpResponseWriter.Write(request, await Router.RouteAsync(request, null!)));
        Assert.Equal(expected, $"{status} {body}");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_post_and_a_wrong_method_are_answered_alike(HttpEventFormat format)
    {
        var post = HttpRequestReader.Read(FrontDoorEvents.For(format, "POST", "/items", stage: "prod", body: "{\"name\":\"a\"}"));
        var (status, body, _) = FrontDoorEvents.ReadResponse(HttpResponseWriter.Write(post, await Router.RouteAsync(post, null!)));
        Assert.Equal("201 created {\"name\":\"a\"}", $"{status} {body}");

        var delete = HttpRequestReader.Read(FrontDoorEvents.For(format, "DELETE", "/items", stage: "prod"));
        var (deleteStatus, _, json) = FrontDoorEvents.ReadResponse(HttpResponseWriter.Write(delete, await Router.RouteAsync(delete, null!)));
        Assert.Equal(405, deleteStatus);
        string allow = json.TryGetProperty("multiValueHeaders", out var multi) ? multi.GetProperty("Allow")[0].GetString()! : json.GetProperty("headers").GetProperty("Allow").GetString()!;
        Assert.Equal("POST", allow);
    }

    public static TheoryData<HttpEventFormat> Formats => new(FrontDoorEvents.All);
}
