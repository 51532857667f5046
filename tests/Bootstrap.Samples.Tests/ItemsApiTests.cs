using System.Net;
using System.Text;
using System.Text.Json;

namespace Bootstrap.Samples.Tests;

/// <summary>
/// The ItemsApi sample end to end: its real AOT bootstrap under the emulator's HTTP front door, DynamoDB as dynalite,
/// and real HTTP requests.
/// </summary>
public sealed class ItemsApiTests
{
    private const string Table = "items";

    [Fact]
    public async Task Post_creates_an_item_that_get_reads_back_and_the_list_holds()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);

        using var created = await PostAsync(api, """{"name":"kettle"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/json", created.Content.Headers.ContentType!.MediaType);
        var item = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        string id = item.GetProperty("id").GetString()!;
        Assert.Equal("kettle", item.GetProperty("name").GetString());
        Assert.Equal($"/items/{id}", created.Headers.Location!.OriginalString);

        using var read = await api.Http.GetAsync($"/items/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal($$"""{"id":"{{id}}","name":"kettle"}""", await read.Content.ReadAsStringAsync());

        using var second = await PostAsync(api, """{"name":"teapot"}""");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        using var list = await api.Http.GetAsync("/items");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var names = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString());
        Assert.Equal(["kettle", "teapot"], names.Order());
    }

    [Fact]
    public async Task Each_dynamodb_call_is_an_aws_subsegment_under_the_function_segment_of_the_cold_start_s_trace()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);

        using var created = await PostAsync(api, """{"name":"kettle"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var read = await api.Http.GetAsync($"/items/{await IdOfAsync(created)}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var traces = (await api.WaitForTracesAsync(2)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // The first request is the cold start: its initialization, then the invocation and the PutItem it made.
        Assert.Equal(["Initialization", "Invocation", "Overhead", "DynamoDB"], Names(traces[0]));
        Assert.Equal(["Invocation", "Overhead", "DynamoDB"], Names(traces[1]));
        foreach (var (trace, operation) in traces.Zip(["PutItem", "GetItem"]))
        {
            var call = trace.GetProperty("subsegments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "DynamoDB");
            Assert.Equal("aws", call.GetProperty("namespace").GetString());
            Assert.Equal(operation, call.GetProperty("aws").GetProperty("operation").GetString());
            Assert.Equal(Table, call.GetProperty("aws").GetProperty("table_name").GetString());
            Assert.Equal(200, call.GetProperty("http").GetProperty("response").GetProperty("status").GetInt32());
            Assert.InRange(call.GetProperty("start_time").GetDouble(), trace.GetProperty("start_time").GetDouble(), call.GetProperty("end_time").GetDouble());
            Assert.InRange(call.GetProperty("end_time").GetDouble(), call.GetProperty("start_time").GetDouble(), trace.GetProperty("end_time").GetDouble());
        }
        Assert.NotEqual(traces[0].GetProperty("trace_id").GetString(), traces[1].GetProperty("trace_id").GetString());
    }

    [Fact]
    public async Task A_failed_dynamodb_call_is_a_faulted_subsegment_with_its_cause()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, "no-such-table");

        using var failed = await api.Http.GetAsync("/items");
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);

        var trace = JsonDocument.Parse((await api.WaitForTracesAsync(1))[0]).RootElement;
        var call = trace.GetProperty("subsegments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "DynamoDB");
        Assert.Equal("Scan", call.GetProperty("aws").GetProperty("operation").GetString());
        Assert.Equal("no-such-table", call.GetProperty("aws").GetProperty("table_name").GetString());
        Assert.True(call.GetProperty("error").GetBoolean());
        Assert.Equal("ResourceNotFoundException", call.GetProperty("cause").GetProperty("exceptions")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Each_request_prints_its_route_s_request_count_and_latency_as_embedded_metrics()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);

        using var created = await PostAsync(api, """{"name":"kettle"}""");
        using var missing = await api.Http.GetAsync("/items/no-such-item");
        using var list = await api.Http.GetAsync("/items");

        var documents = (await api.Output.WaitForLinesAsync(l => l.Contains("\"_aws\""), 3))
            .Select(l => JsonDocument.Parse(l[l.IndexOf('{')..]).RootElement).ToList();
        Assert.Equal(["POST /items", "GET /items/{id}", "GET /items"], documents.Select(d => d.GetProperty("route").GetString()));
        foreach (var document in documents)
        {
            var directive = document.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
            Assert.Equal("ItemsApi", directive.GetProperty("Namespace").GetString());
            Assert.Equal(["service", "route"], directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()));
            Assert.Equal("items", document.GetProperty("service").GetString());
            var metrics = directive.GetProperty("Metrics").EnumerateArray().ToDictionary(m => m.GetProperty("Name").GetString()!, m => m.GetProperty("Unit").GetString());
            Assert.Equal("Count", metrics["Requests"]);
            Assert.Equal("Milliseconds", metrics["Latency"]);
            Assert.Equal(1, document.GetProperty("Requests").GetDouble());
            Assert.True(document.GetProperty("Latency").GetDouble() > 0);
        }
    }

    [Fact]
    public async Task Each_item_gets_its_own_id()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);

        using var first = await PostAsync(api, """{"name":"same"}""");
        using var second = await PostAsync(api, """{"name":"same"}""");

        Assert.NotEqual(await IdOfAsync(first), await IdOfAsync(second));
    }

    [Fact]
    public async Task An_unknown_id_is_404_with_a_message()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);

        using var missing = await api.Http.GetAsync("/items/no-such-item");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"message":"no item no-such-item"}""", await missing.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("not json")]
    public async Task A_body_that_is_not_valid_json_is_400_with_a_message_and_stores_nothing(string body)
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);

        using var refused = await PostAsync(api, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        string message = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()!;
        Assert.StartsWith("the body is not valid JSON: ", message);
        using var list = await api.Http.GetAsync("/items");
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_item_without_a_name_is_400()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);

        using var refused = await PostAsync(api, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("""{"message":"the body needs a \u0022name\u0022"}""", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_item_created_before_a_cold_restart_of_the_function_is_there_after_it()
    {
        using var dynamo = await StartDynamoAsync();
        string id;
        using (var before = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table))
        {
            using var created = await PostAsync(before, """{"name":"survivor"}""");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = await IdOfAsync(created);
        }

        // A new emulator and a new bootstrap process: nothing but the table carries the item over.
        using var after = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);
        using var read = await after.Http.GetAsync($"/items/{id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal($$"""{"id":"{{id}}","name":"survivor"}""", await read.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_function_reaches_the_dynamodb_its_environment_names()
    {
        using var first = await StartDynamoAsync();
        using var second = await StartDynamoAsync();
        using (var api = await ItemsApiUnderTest.StartAsync(first.Endpoint, Table))
        {
            using var created = await PostAsync(api, """{"name":"only in the first"}""");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var other = await ItemsApiUnderTest.StartAsync(second.Endpoint, Table);
        using var list = await other.Http.GetAsync("/items");
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());

        // And the test's own client, with the same credentials, finds the item where the function put it.
        using var client = first.Client();
        var scan = await client.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = Table });
        Assert.Equal("only in the first", Assert.Single(scan.Items)["name"].S);
    }

    [Fact]
    public async Task A_table_the_environment_names_but_that_does_not_exist_is_a_502()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, "no-such-table");

        using var failed = await api.Http.GetAsync("/items");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
    }

    [Fact]
    public async Task Without_table_name_in_the_environment_the_function_fails_its_init_saying_so()
    {
        using var dynamo = await StartDynamoAsync();
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, tableName: null);

        using var failed = await api.Http.GetAsync("/items");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        await api.Output.WaitForAsync(l => l.Contains("TABLE_NAME is not set"));
    }

    private static string[] Names(JsonElement trace) =>
        [.. trace.GetProperty("subsegments").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];

    private static async Task<Dynalite> StartDynamoAsync()
    {
        var dynamo = await Dynalite.StartAsync();
        await dynamo.CreateItemsTableAsync(Table);
        return dynamo;
    }

    private static Task<HttpResponseMessage> PostAsync(ItemsApiUnderTest api, string body) =>
        api.Http.PostAsync("/items", new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<string> IdOfAsync(HttpResponseMessage created) =>
        JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
}
