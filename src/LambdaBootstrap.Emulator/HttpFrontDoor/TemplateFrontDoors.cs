using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;
using LambdaBootstrap.Emulator.Templates;
using LambdaBootstrap.Emulator.WebSocketApi;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// The front doors a template declares: its API routes on one port, and each Function URL and WebSocket API on a port
/// of its own.
/// <see cref="Addresses"/> says where each is, one line each, for the emulator to print.
/// </summary>
internal sealed class TemplateFrontDoors : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _servers = [];
    private readonly List<string> _addresses = [];

    /// <summary>The API port's server, or null when the template has no routes.</summary>
    public HttpFrontDoorServer? Apis { get; private set; }
    /// <summary>Each Function URL's server, by the function's logical id.</summary>
    public Dictionary<string, HttpFrontDoorServer> FunctionUrls { get; } = new(StringComparer.Ordinal);
    /// <summary>Each WebSocket API's server, by its logical id.</summary>
    public Dictionary<string, WebSocketApiServer> WebSocketApis { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<string> Addresses => _addresses;

    /// <param name="functions">The template's functions by logical id.</param>
    public static async Task<TemplateFrontDoors> StartAsync(TemplateApis apis, IReadOnlyDictionary<string, LocalFunction> functions, int port,
        TimeProvider time, Action<string, bool> output)
    {
        var doors = new TemplateFrontDoors();
        try
        {
            if (apis.Routes.Count > 0)
            {
                var options = new RuntimeApiOptions();
                var authorizers = new LambdaAuthorizers(functions, time, output, options.Region, options.AccountId);
                doors.Apis = await HttpFrontDoorServer.StartAsync(new TemplateRouting(new RouteTable(apis.Routes), functions, authorizers, time), port, output);
                doors._servers.Add(doors.Apis);
                foreach (var route in apis.Routes)
                {
                    var api = route.Api;
                    string kind = api.IsRest ? "REST API" : "HTTP API";
                    string stage = api.StageName == ApiDefinition.DefaultStage ? "" : $" (or /{api.StageName}{(route.IsDefault ? "/" : route.Path)})";
                    string guard = route.Authorizer is { } a ? $", authorizer {a.Name}" : "";
                    string where = route.IsDefault ? "any other path" : $"http://127.0.0.1:{doors.Apis.Port}{route.Path}";
                    doors._addresses.Add($"emulator: {kind} {api.LogicalId}: {route.RouteKey} -> {route.FunctionId}{guard}: {where}{stage}");
                }
            }
            foreach (var url in apis.FunctionUrls)
            {
                var server = await HttpFrontDoorServer.StartAsync(new SingleFunctionRouting(functions[url.FunctionId], FrontDoorEventFormat.FunctionUrl, url), 0, output);
                doors._servers.Add(server);
                doors.FunctionUrls[url.FunctionId] = server;
                doors._addresses.Add($"emulator: function URL of {url.FunctionId}{(url.Streaming ? " (RESPONSE_STREAM)" : "")}: http://127.0.0.1:{server.Port}/");
            }
            foreach (var api in apis.WebSocketApis)
            {
                var server = await WebSocketApiServer.StartAsync(api, functions, 0, time, output);
                doors._servers.Add(server);
                doors.WebSocketApis[api.LogicalId] = server;
                doors._addresses.Add($"emulator: WebSocket API {api.LogicalId}: {server.Url} (routes {string.Join(", ", api.Routes.Keys)}; @connections at {server.ConnectionsEndpoint}/@connections/ID)");
            }
            return doors;
        }
        catch
        {
            await doors.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
            await server.DisposeAsync();
        _servers.Clear();
    }
}
