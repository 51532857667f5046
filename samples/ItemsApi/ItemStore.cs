using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaBootstrap.Runtime;

namespace ItemsApi;

/// <summary>
/// The items table, through DynamoDB's low-level client: one string key, <c>id</c>, and a <c>name</c>. Each call is an
/// X-Ray subsegment of the invocation, as the X-Ray SDK records an AWS SDK call (when the invocation is sampled).
/// </summary>
public sealed class ItemStore(IAmazonDynamoDB client, string tableName)
{
    /// <summary>The store the environment names: TABLE_NAME, and the SDK's own AWS_* settings for the rest.</summary>
    public static ItemStore FromEnvironment()
    {
        string table = Environment.GetEnvironmentVariable("TABLE_NAME") is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException("TABLE_NAME is not set: the function needs the name of its DynamoDB table");
        return new ItemStore(new AmazonDynamoDBClient(), table);
    }

    public async Task PutAsync(Item item, ILambdaContext context) =>
        await TracedAsync(context, "PutItem", () => client.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue> { ["id"] = new() { S = item.Id }, ["name"] = new() { S = item.Name } },
        }));

    public async Task<Item?> GetAsync(string id, ILambdaContext context)
    {
        var found = await TracedAsync(context, "GetItem", () => client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new Dictionary<string, AttributeValue> { ["id"] = new() { S = id } },
            ConsistentRead = true,
        }));
        return found.Item is { Count: > 0 } attributes ? ToItem(attributes) : null;
    }

    /// <summary>Every item, page after page of the scan.</summary>
    public async Task<List<Item>> ListAsync(ILambdaContext context)
    {
        var items = new List<Item>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await TracedAsync(context, "Scan", () => client.ScanAsync(new ScanRequest { TableName = tableName, ExclusiveStartKey = startKey, ConsistentRead = true }));
            foreach (var attributes in page.Items ?? [])
                items.Add(ToItem(attributes));
            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (startKey is not null);
        return items;
    }

    // A subsegment named after the service, in the aws namespace with the operation and table, and the answer's status;
    // a failed call is its cause.
    private async Task<T> TracedAsync<T>(ILambdaContext context, string operation, Func<Task<T>> call) where T : AmazonWebServiceResponse
    {
        using var segment = context.Trace("DynamoDB");
        segment.SetAwsRequest(operation, tableName, client.Config.RegionEndpoint?.SystemName);
        try
        {
            var response = await call();
            segment.SetHttpResponse((int)response.HttpStatusCode, response.ContentLength);
            return response;
        }
        catch (Exception e)
        {
            if (e is AmazonServiceException { StatusCode: var status } && status != 0)
                segment.SetHttpResponse((int)status);
            segment.AddException(e);
            throw;
        }
    }

    private static Item ToItem(Dictionary<string, AttributeValue> attributes) =>
        new(attributes["id"].S, attributes.TryGetValue("name", out var name) ? name.S : "");
}
