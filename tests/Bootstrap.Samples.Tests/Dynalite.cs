using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Bootstrap.TestSupport.Processes;

namespace Bootstrap.Samples.Tests;

/// <summary>dynalite, an implementation of DynamoDB's API, on a free loopback port, in memory, for one test.</summary>
internal sealed class Dynalite : IDisposable
{
    // dynalite checks that requests are signed, not by whom.
    public const string AccessKeyId = "samples-test-key";
    public const string SecretAccessKey = "samples-test-secret";
    public const string Region = "us-east-1";

    private readonly ChildProcess _process;

    private Dynalite(ChildProcess process, int port)
    {
        _process = process;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    public static async Task<Dynalite> StartAsync()
    {
        string script = Path.Combine(SampleArtifacts.DynaliteDirectory, "node_modules/dynalite/cli.js");
        if (!File.Exists(script))
            throw new FileNotFoundException($"dynalite is not installed: run `npm ci --prefix {Path.GetRelativePath(SampleArtifacts.RepoRoot, SampleArtifacts.DynaliteDirectory)}`", script);
        int port = FreePort();
        var process = ChildProcess.Start("node", [script, "--host", "127.0.0.1", "--port", port.ToString(), "--createTableMs", "0"]);
        var dynalite = new Dynalite(process, port);
        try
        {
            await process.Output.WaitForAsync(l => l.Contains("listening"));
        }
        catch
        {
            dynalite.Dispose();
            throw;
        }
        return dynalite;
    }

    /// <summary>A client of this dynalite, for the test's own calls.</summary>
    public AmazonDynamoDBClient Client() =>
        new(new BasicAWSCredentials(AccessKeyId, SecretAccessKey), new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = Region });

    /// <summary>Creates the items sample's table: one string hash key, <c>id</c>.</summary>
    public Task CreateItemsTableAsync(string name) => CreateTableAsync(name, "id");

    /// <summary>Creates a table with one string hash key.</summary>
    public async Task CreateTableAsync(string name, string hashKey)
    {
        using var client = Client();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new AttributeDefinition(hashKey, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(hashKey, KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _process.Dispose();
}
