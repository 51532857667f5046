using System.Net;
using System.Net.Sockets;
using LambdaBootstrap.Runtime.Http;

namespace RuntimeTests;

/// <summary>
/// The Runtime API's host resolved without the name service where it can be (a numeric address, localhost), as a
/// statically linked bootstrap needs, and the sockaddr connect() gets from it.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class RuntimeApiResolverTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", false)]
    [InlineData("169.254.100.1", "169.254.100.1", false)]
    [InlineData("::1", "::1", true)]
    [InlineData("fd00::a:2", "fd00::a:2", true)]
    public void A_numeric_address_needs_no_lookup(string host, string parsed, bool v6)
    {
        var address = Assert.Single(RuntimeApiResolver.Resolve(host, lookUp: null));
        Assert.Equal(parsed, address.ToString());
        Assert.Equal(v6, address.IsV6);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost")]
    [InlineData("localhost.")]
    public void Localhost_is_the_loopback_IPv4_first_without_a_lookup(string host)
    {
        var addresses = RuntimeApiResolver.Resolve(host, lookUp: null);
        Assert.Equal(["127.0.0.1", "::1"], addresses.Select(a => a.ToString()));
    }

    [Theory]
    [InlineData("runtime-api.internal")]
    [InlineData("1.2.3")]              // inet_aton would take it as 1.2.0.3; inet_pton does not, so it is a name
    [InlineData("localhost.localdomain")]
    public void Without_lookups_a_name_is_a_one_line_error(string host)
    {
        var e = Assert.Throws<IOException>(() => RuntimeApiResolver.Resolve(host, lookUp: null));
        Assert.Equal($"cannot resolve '{host}': this bootstrap is statically linked and connects only to a numeric address or localhost", e.Message);
    }

    [Fact]
    public void With_lookups_an_unknown_name_fails_with_the_resolver_s_reason()
    {
        var e = Assert.Throws<IOException>(() => RuntimeApiResolver.Resolve("no-such-host.invalid", RuntimeApiResolver.LookUp));
        Assert.StartsWith("cannot resolve 'no-such-host.invalid': ", e.Message);
        Assert.DoesNotContain("statically linked", e.Message);
    }

    [Fact]
    public void A_sockaddr_in_has_the_family_the_port_in_network_order_and_the_address()
    {
        var address = Assert.Single(RuntimeApiResolver.Resolve("127.0.0.1", lookUp: null));
        byte[] sockaddr = new byte[28];
        sockaddr.AsSpan().Fill(0xEE);
        address.Write(sockaddr, 9001);
        Assert.Equal(16, address.SockAddrLength);
        Assert.Equal(new byte[] { 2, 0, 0x23, 0x29, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, sockaddr[..16]);
    }

    [Fact]
    public void A_sockaddr_in6_has_the_family_the_port_the_address_and_the_scope()
    {
        var address = new PeerAddress(IPAddress.Parse("fe80::1").GetAddressBytes(), scopeId: 2);
        byte[] sockaddr = new byte[28];
        address.Write(sockaddr, 443);
        Assert.Equal(28, address.SockAddrLength);
        Assert.Equal(new byte[] { 10, 0, 1, 0xBB, 0, 0, 0, 0 }, sockaddr[..8]);
        Assert.Equal(IPAddress.Parse("fe80::1").GetAddressBytes(), sockaddr[8..24]);
        Assert.Equal(new byte[] { 2, 0, 0, 0 }, sockaddr[24..]);
        Assert.Equal("fe80::1%2", address.ToString());
    }

    [Fact]
    public async Task Localhost_falls_through_to_IPv6_when_only_IPv6_listens()
    {
        var (ipv6, heldOnIPv4) = ListenOnIPv6Only();
        using var listener = ipv6;
        using var ipv4 = heldOnIPv4;
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync();
        using var stream = await Task.Run(() => LibcSocket.Connect(new RuntimeApiEndpoint("localhost", port)));
        using var peer = await accepted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(IPAddress.IPv6Loopback, ((IPEndPoint)peer.Client.RemoteEndPoint!).Address);
    }

    /// <summary>
    /// A listener on [::1] whose port number is held on 127.0.0.1 by a socket that is bound but never listens: no other
    /// process can listen there while the test runs, so only IPv6 listens on that port, as the test claims.
    /// </summary>
    private static (TcpListener Listener, Socket Guard) ListenOnIPv6Only()
    {
        for (int attempt = 0; ; attempt++)
        {
            var listener = new TcpListener(IPAddress.IPv6Loopback, 0);
            listener.Start();
            var guard = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                guard.Bind(new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port));
                return (listener, guard);
            }
            catch (SocketException) when (attempt < 20)
            {
                // The number is in use on IPv4: another one.
                guard.Dispose();
                listener.Stop();
            }
        }
    }
}
