using System.Net.Http.Headers;

// The echo handler on an HttpClient Runtime API client, written the way such clients usually are:
// one HttpClient, async calls, the event read as bytes and posted back unchanged.
string api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")
    ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set");
using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
{
    BaseAddress = new Uri($"http://{api}/2018-06-01/runtime/"),
    Timeout = Timeout.InfiniteTimeSpan,
};

while (true)
{
    using var next = await http.GetAsync("invocation/next");
    if (!next.IsSuccessStatusCode)
        throw new InvalidOperationException($"GET /next answered {(int)next.StatusCode}");
    string requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").First();
    byte[] @event = await next.Content.ReadAsByteArrayAsync();

    byte[] response = Echo(@event);

    using var content = new ByteArrayContent(response);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    using var posted = await http.PostAsync($"invocation/{requestId}/response", content);
    if ((int)posted.StatusCode >= 500)
        throw new InvalidOperationException($"POST /response answered {(int)posted.StatusCode}");
}

static byte[] Echo(byte[] @event) => @event;
