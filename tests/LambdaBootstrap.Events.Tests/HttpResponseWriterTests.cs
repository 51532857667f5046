using System.Text;
using System.Text.Json;
using LambdaBootstrap.Events.Http;

namespace LambdaBootstrap.Events.Tests;

/// <summary>One <see cref="HttpResponse"/>, written in each front door's format.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class HttpResponseWriterTests
{
    private static byte[] Write(HttpRequest request, HttpResponse response) => HttpResponseWriter.Write(request, response).ToArray();

    private static HttpRequest RequestFrom(string fixture) => HttpRequestReader.Read(SampleEvents.Bytes(fixture));

    private static HttpResponse Sample() => HttpResponse.Json(200, "{\"ok\":true}")
        .WithHeader("X-Multi", "one").WithHeader("X-Multi", "two")
        .WithCookie("a=1").WithCookie("b=2; Path=/");

    [Fact]
    public void Rest_api_gets_headers_multi_value_headers_and_set_cookie_values()
    {
        var json = Write(RequestFrom("apigateway-rest-request.json"), Sample());
        var r = JsonSerializer.Deserialize(json, ApiGatewayJson.Default.APIGatewayProxyResponse)!;
        Assert.Equal(200, r.StatusCode);
        Assert.Equal("{\"ok\":true}", r.Body);
        Assert.False(r.IsBase64Encoded);
        Assert.Equal(["one", "two"], r.MultiValueHeaders!["X-Multi"]);
        Assert.Equal("two", r.Headers!["X-Multi"]);
        Assert.Equal(["a=1", "b=2; Path=/"], r.MultiValueHeaders["Set-Cookie"]);
        Assert.Equal("application/json", r.Headers["Content-Type"]);
    }

    [Theory]
    [InlineData("httpapi-v2-request.json")]
    [InlineData("function-url-request.json")]
    public void Payload_v2_gets_joined_headers_and_cookies(string fixture)
    {
        var json = Write(RequestFrom(fixture), Sample());
        var r = JsonSerializer.Deserialize(json, HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse)!;
        Assert.Equal("one, two", r.Headers!["X-Multi"]);
        Assert.Equal(["a=1", "b=2; Path=/"], r.Cookies!);
        Assert.DoesNotContain("Set-Cookie", r.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(json);
        Assert.False(doc.RootElement.TryGetProperty("multiValueHeaders", out _));
    }

    [Fact]
    public void Alb_multi_value_gets_multi_value_headers_and_a_status_description()
    {
        var json = Write(RequestFrom("alb-multivalue-request.json"), Sample());
        var r = JsonSerializer.Deserialize(json, AlbJson.Default.ApplicationLoadBalancerResponse)!;
        Assert.Equal("200 OK", r.StatusDescription);
        Assert.Equal(["one", "two"], r.MultiValueHeaders!["X-Multi"]);
        Assert.Equal(["a=1", "b=2; Path=/"], r.MultiValueHeaders["Set-Cookie"]);
        Assert.Null(r.Headers);
    }

    [Fact]
    public void Alb_single_value_gets_headers_and_refuses_two_cookies_it_cannot_carry()
    {
        var request = RequestFrom("alb-request.json");
        var r = JsonSerializer.Deserialize(Write(request, HttpResponse.Text(404, "no").WithCookie("a=1")), AlbJson.Default.ApplicationLoadBalancerResponse)!;
        Assert.Equal("404 Not Found", r.StatusDescription);
        Assert.Equal("a=1", r.Headers!["Set-Cookie"]);
        Assert.Null(r.MultiValueHeaders);

        var error = Assert.Throws<InvalidOperationException>(() => Write(request, Sample()));
        Assert.Contains("multi-value headers", error.Message);
    }

    [Fact]
    public void A_binary_body_goes_out_base64_with_the_flag_and_text_as_it_is()
    {
        var request = RequestFrom("httpapi-v2-request.json");
        byte[] binary = [0, 1, 2, 255];
        var r = JsonSerializer.Deserialize(Write(request, HttpResponse.Bytes(200, binary, "application/octet-stream")), HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse)!;
        Assert.True(r.IsBase64Encoded);
        Assert.Equal(binary, Convert.FromBase64String(r.Body!));

        var text = JsonSerializer.Deserialize(Write(request, HttpResponse.Text(200, "héllo")), HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse)!;
        Assert.False(text.IsBase64Encoded);
        Assert.Equal("héllo", text.Body);

        // Declared as text but not UTF-8: base64, never garbage.
        var invalid = JsonSerializer.Deserialize(Write(request, HttpResponse.Bytes(200, new byte[] { 0xff, 0xfe }, "text/plain")), HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse)!;
        Assert.True(invalid.IsBase64Encoded);

        var empty = JsonSerializer.Deserialize(Write(request, new HttpResponse(204)), HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse)!;
        Assert.Equal("", empty.Body);
        Assert.False(empty.IsBase64Encoded);
    }

    [Theory]
    [InlineData("X-Bad", "ok\r\nSet-Cookie: evil=1")]
    [InlineData("X-Bad", "ok\nmore")]
    [InlineData("X-Bad\r\nEvil", "ok")]
    public void Header_injection_is_refused(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Write(RequestFrom("httpapi-v2-request.json"), new HttpResponse().WithHeader(name, value)));
        Assert.Contains("refused", error.Message);
    }

    [Fact]
    public void Cookie_injection_is_refused_in_every_format()
    {
        foreach (var fixture in new[] { "apigateway-rest-request.json", "httpapi-v2-request.json", "function-url-request.json", "alb-multivalue-request.json" })
        {
            var error = Assert.Throws<InvalidOperationException>(() =>
                Write(RequestFrom(fixture), new HttpResponse().WithCookie("a=1\r\nX-Evil: 1")));
            Assert.Contains("cookie", error.Message);
        }
    }

    [Fact]
    public void A_status_outside_http_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => Write(RequestFrom("alb-request.json"), new HttpResponse(42)));

    [Fact]
    public void Set_cookie_headers_count_as_cookies()
    {
        var response = new HttpResponse().WithHeader("set-cookie", "h=1").WithCookie("c=2");
        var r = JsonSerializer.Deserialize(Write(RequestFrom("httpapi-v2-request.json"), response), HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse)!;
        Assert.Equal(["h=1", "c=2"], r.Cookies!);
        Assert.Empty(r.Headers!);
        Assert.Equal(Encoding.UTF8.GetBytes("x"), HttpResponse.Text(200, "x").Body.ToArray());
    }
}
