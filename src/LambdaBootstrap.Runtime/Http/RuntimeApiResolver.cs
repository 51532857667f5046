using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using LambdaBootstrap.Runtime.Native;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>
/// The addresses of the Runtime API's host, IPv4 first. A numeric address (what Lambda gives) is parsed with
/// inet_pton and <c>localhost</c> is the loopback, both without asking the name service: a statically linked
/// bootstrap has none it can trust (glibc's getaddrinfo would load the host's NSS modules at run time). Any other
/// name goes to getaddrinfo, unless the build turned name lookups off, which a static build does.
/// </summary>
internal static unsafe class RuntimeApiResolver
{
    private const string NameLookupSwitch = "LambdaBootstrap.Runtime.NameLookup.IsSupported";

    /// <summary>False in a statically linked bootstrap: the compiler then drops the getaddrinfo call altogether.</summary>
    [FeatureSwitchDefinition(NameLookupSwitch)]
    private static bool IsNameLookupSupported => AppContext.TryGetSwitch(NameLookupSwitch, out bool on) ? on : true;

    // The switch is read here, where the compiler can drop the branch: a flag passed on would keep LookUp compiled in.
    public static List<PeerAddress> Resolve(string host) => Resolve(host, IsNameLookupSupported ? LookUp : null);

    /// <summary>Resolves <paramref name="host"/>; without <paramref name="lookUp"/>, only a numeric address or localhost.</summary>
    internal static List<PeerAddress> Resolve(string host, Func<string, List<PeerAddress>>? lookUp)
    {
        if (ParseNumeric(host) is { } numeric)
            return [numeric];
        if (IsLocalhost(host))
            return [new PeerAddress([127, 0, 0, 1]), new PeerAddress([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])];
        if (lookUp is null)
            throw new IOException($"cannot resolve '{host}': this bootstrap is statically linked and connects only to a numeric address or localhost");
        return lookUp(host);
    }

    /// <summary>An IPv4 or IPv6 address in text form (inet_pton's forms: no scope), or null.</summary>
    internal static PeerAddress? ParseNumeric(string host)
    {
        byte* address = stackalloc byte[16];
        if (Libc.InetPton(Libc.AF_INET, host, address) == 1)
            return new PeerAddress(new ReadOnlySpan<byte>(address, 4));
        if (Libc.InetPton(Libc.AF_INET6, host, address) == 1)
            return new PeerAddress(new ReadOnlySpan<byte>(address, 16));
        return null;
    }

    /// <summary><c>localhost</c>, in any case, with or without the root's trailing dot (RFC 6761: always the loopback).</summary>
    internal static bool IsLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.Equals("localhost.", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name service's addresses for <paramref name="host"/> (getaddrinfo).</summary>
    internal static List<PeerAddress> LookUp(string host)
    {
        var hints = new Libc.AddrInfo { SockType = Libc.SOCK_STREAM };
        Libc.AddrInfo* list;
        int status = Libc.GetAddrInfo(host, null, &hints, &list);
        if (status != 0)
            throw new IOException($"cannot resolve '{host}': {Marshal.PtrToStringUTF8((nint)Libc.GaiStrError(status))}");
        var addresses = new List<PeerAddress>();
        try
        {
            for (var info = list; info != null; info = info->Next)
            {
                if (info->Family == Libc.AF_INET)
                    addresses.Add(new PeerAddress(new ReadOnlySpan<byte>(info->Addr + 4, 4)));
                else if (info->Family == Libc.AF_INET6)
                    addresses.Add(new PeerAddress(new ReadOnlySpan<byte>(info->Addr + 8, 16), *(uint*)(info->Addr + 24)));
            }
        }
        finally
        {
            Libc.FreeAddrInfo(list);
        }
        // IPv4 first, keeping getaddrinfo's order within each family.
        var ordered = new List<PeerAddress>(addresses.Count);
        foreach (var address in addresses)
        {
            if (!address.IsV6)
                ordered.Add(address);
        }
        foreach (var address in addresses)
        {
            if (address.IsV6)
                ordered.Add(address);
        }
        return ordered;
    }
}
