using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaBootstrap.Emulator.Hosting;

/// <summary>
/// A bare Kestrel server on 127.0.0.1 with one request handler: no middleware, no logging. Both of the emulator's
/// APIs run on one. A port that cannot be had is a one-line <see cref="EmulatorException"/>. A request whose Host is
/// not a loopback name or address is refused (403): listening on loopback alone does not stop a web page in the
/// user's browser from reaching it through a name that resolves to 127.0.0.1 (DNS rebinding), but such a request
/// carries that name as its Host.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The port it listens on (the one asked for, or the free one picked for 0).</summary>
    public int Port { get; }

    /// <param name="webSockets">Whether it accepts WebSocket upgrades (a WebSocket API).</param>
    public static async Task<LoopbackServer> StartAsync(int port, Action<KestrelServerLimits> limits, RequestDelegate handler,
        CancellationToken cancellationToken = default, bool webSockets = false)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            // Header values such as a client context are JSON, which may hold any text: UTF-8 on the wire, both ways.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
            kestrel.ResponseHeaderEncodingSelector = _ => Encoding.UTF8;
            limits(kestrel.Limits);
        });
        var app = builder.Build();
        if (webSockets)
            app.UseWebSockets(new WebSocketOptions());
        app.Run(context => IsLoopbackHost(context.Request.Host.Host) ? handler(context) : RefuseHostAsync(context));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new EmulatorException($"cannot listen on 127.0.0.1:{port}: {e.Message}");
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new LoopbackServer(app, new Uri(addresses.Addresses.First()).Port);
    }

    /// <summary>
    /// Whether a Host header names this machine's loopback: <c>localhost</c> (or a name under it), a loopback
    /// address, or nothing at all (HTTP/1.0; a browser always sends one).
    /// </summary>
    internal static bool IsLoopbackHost(string host)
    {
        if (host.Length == 0 || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static async Task RefuseHostAsync(HttpContext context)
    {
        context.Response.StatusCode = 403;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(RuntimeApi.InvocationOutcome.ErrorJson("ForbiddenHost",
            $"Host '{context.Request.Host}' is not a loopback name or address: the emulator serves only this machine"));
    }

    /// <summary>Stops taking requests, giving those in flight two seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
