using System.Globalization;
using System.Net;
using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>Both APIs listen on loopback only, and refuse requests whose Host is not a loopback name (DNS rebinding).</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class LoopbackOnlyTests
{
    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("app.localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.1.2.3", true)]
    [InlineData("[::1]", true)]
    [InlineData("", true)]
    [InlineData("evil.example", false)]
    [InlineData("localhost.evil.example", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("[::]", false)]
    public void A_host_is_loopback_only_when_it_names_this_machines_loopback(string host, bool loopback)
    {
        Assert.Equal(loopback, LoopbackServer.IsLoopbackHost(host));
    }

    [Fact]
    public async Task A_request_with_a_foreign_Host_is_refused_by_both_APIs_and_changes_nothing()
    {
        await using var fake = await FakeFunction.StartAsync();
        using var http = new HttpClient { Timeout = FakeRuntime.Patience };
        foreach (var (method, port, path) in new[] { (HttpMethod.Post, fake.Server.Port, FakeFunction.InvokePath), (HttpMethod.Get, fake.Function.Api.Port, FakeRuntime.Prefix + "next") })
        {
            using var request = new HttpRequestMessage(method, $"http://127.0.0.1:{port}{path}") { Content = new StringContent("{}") };
            request.Headers.Host = $"rebound.example:{port}";
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("ForbiddenHost", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, fake.Function.QueuedInvokes);
        Assert.Null(fake.Function.Process); // nothing was invoked

        // The same request by a loopback name is served.
        var call = fake.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, FakeFunction.InvokePath)
        {
            Content = new StringContent("{}"),
            Headers = { Host = $"localhost:{fake.Server.Port}" },
        });
        var next = await fake.Runtime.NextAsync();
        (await fake.Runtime.RespondAsync(next.RequestId, "\"ok\"", next.InvocationId)).Dispose();
        Assert.Equal("\"ok\"", await (await call).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Both_APIs_listen_on_127_0_0_1_alone()
    {
        await using var fake = await FakeFunction.StartAsync();
        foreach (int port in new[] { fake.Server.Port, fake.Function.Api.Port })
        {
            // Every listening socket on the port, from the kernel's tables: local address and port, state 0A (LISTEN).
            var listening = new[] { "/proc/net/tcp", "/proc/net/tcp6" }
                .SelectMany(File.ReadLines)
                .Select(line => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length > 3 && f[3] == "0A" && f[1].Contains(':'))
                .Where(f => int.Parse(f[1].Split(':')[1], NumberStyles.HexNumber) == port)
                .Select(f => f[1].Split(':')[0])
                .ToList();
            Assert.Equal(["0100007F"], listening); // 127.0.0.1, little-endian
        }
    }
}
