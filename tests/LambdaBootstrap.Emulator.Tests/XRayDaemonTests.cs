using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using LambdaBootstrap.Emulator.XRay;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The daemon's UDP protocol: a header line, then one document, per datagram.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class XRayDaemonTests
{
    [Theory]
    [InlineData("{\"format\":\"json\",\"version\":1}\n{\"id\":\"a\"}")]
    [InlineData("{\"format\": \"json\", \"version\": 1}\n{\"id\":\"a\"}\n")]
    public void A_datagram_with_the_header_line_gives_its_document(string datagram) =>
        Assert.Equal("a", (string?)XRayDaemon.Parse(Encoding.UTF8.GetBytes(datagram))!["id"]);

    [Theory]
    [InlineData("{\"id\":\"a\"}")]
    [InlineData("{\"format\":\"json\",\"version\":2}\n{\"id\":\"a\"}")]
    [InlineData("{\"format\":\"xml\",\"version\":1}\n{\"id\":\"a\"}")]
    [InlineData("{\"format\":\"json\",\"version\":1}\n[1,2]")]
    [InlineData("{\"format\":\"json\",\"version\":1}\n{\"id\":")]
    public void Anything_else_is_dropped(string datagram) => Assert.Null(XRayDaemon.Parse(Encoding.UTF8.GetBytes(datagram)));

    [Fact]
    public async Task Catching_up_takes_in_every_datagram_sent_before()
    {
        await using var daemon = XRayDaemon.Start();
        var received = new List<string>();
        daemon.DocumentReceived += d => { lock (received) received.Add((string)d["id"]!); };
        using var udp = new UdpClient();
        for (int i = 0; i < 20; i++)
            await udp.SendAsync(Encoding.UTF8.GetBytes(XRayDaemon.HeaderLine + "\n" + new JsonObject { ["id"] = $"s{i}" }.ToJsonString()), "127.0.0.1", daemon.Port);
        await udp.SendAsync("not the protocol"u8.ToArray(), "127.0.0.1", daemon.Port);
        await daemon.CatchUpAsync();
        lock (received)
            Assert.Equal(Enumerable.Range(0, 20).Select(i => $"s{i}"), received);
        Assert.Equal(1, daemon.Rejected);
    }
}
