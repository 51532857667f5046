using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Chat;

/// <summary>
/// The open connections, in a DynamoDB table with one string hash key, <c>connectionId</c>. A table, not memory:
/// each route may run in its own function instance (and on Lambda, many of them), so none can keep the list alone.
/// </summary>
public sealed class ConnectionStore(IAmazonDynamoDB client, string tableName)
{
    private const string Key = "connectionId";

    /// <summary>The store the environment names: TABLE_NAME, and the SDK's own AWS_* settings for the rest.</summary>
    public static ConnectionStore FromEnvironment()
    {
        string table = Environment.GetEnvironmentVariable("TABLE_NAME") is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException("TABLE_NAME is not set: the function needs the name of its DynamoDB table of connections");
        return new ConnectionStore(new AmazonDynamoDBClient(), table);
    }

    public async Task AddAsync(string connectionId) =>
        await client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = new() { [Key] = new() { S = connectionId } } });

    public async Task RemoveAsync(string connectionId) =>
        await client.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = new() { [Key] = new() { S = connectionId } } });

    /// <summary>Every connection, page after page of the scan.</summary>
    public async Task<List<string>> ListAsync()
    {
        var ids = new List<string>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = tableName, ExclusiveStartKey = startKey, ConsistentRead = true });
            foreach (var item in page.Items ?? [])
                ids.Add(item[Key].S);
            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (startKey is not null);
        return ids;
    }
}
