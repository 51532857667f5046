using System.Buffers.Binary;
using System.Runtime.InteropServices;
using LambdaBootstrap.Runtime.Native;

namespace LambdaBootstrap.Runtime.Http;

/// <summary>One address of the Runtime API: an IPv4 or IPv6 address (with its scope), written as connect() takes it.</summary>
internal sealed class PeerAddress
{
    private readonly byte[] _address;

    public PeerAddress(ReadOnlySpan<byte> address, uint scopeId = 0)
    {
        if (address.Length is not (4 or 16))
            throw new ArgumentException("an IPv4 address is 4 bytes, an IPv6 address 16", nameof(address));
        _address = address.ToArray();
        ScopeId = scopeId;
    }

    public bool IsV6 => _address.Length == 16;

    public uint ScopeId { get; }

    public int Family => IsV6 ? Libc.AF_INET6 : Libc.AF_INET;

    /// <summary>The size of the sockaddr_in (16 bytes) or sockaddr_in6 (28 bytes) <see cref="Write"/> fills.</summary>
    public int SockAddrLength => IsV6 ? 28 : 16;

    /// <summary>Fills <paramref name="sockaddr"/> (<see cref="SockAddrLength"/> bytes): family in host order, port in network order.</summary>
    public void Write(Span<byte> sockaddr, int port)
    {
        sockaddr[..SockAddrLength].Clear();
        MemoryMarshal.Write(sockaddr, (ushort)Family);
        BinaryPrimitives.WriteUInt16BigEndian(sockaddr[2..], (ushort)port);
        if (IsV6)
        {
            _address.CopyTo(sockaddr[8..]);
            MemoryMarshal.Write(sockaddr[24..], ScopeId);
        }
        else
        {
            _address.CopyTo(sockaddr[4..]);
        }
    }

    /// <summary>The address as inet_ntop writes it (127.0.0.1, ::1), with the scope if any; for error messages.</summary>
    public override unsafe string ToString()
    {
        byte* text = stackalloc byte[64];
        fixed (byte* address = _address)
        {
            if (Libc.InetNtop(Family, address, text, 64) is null)
                return "?";
        }
        string shown = Marshal.PtrToStringUTF8((nint)text)!;
        return ScopeId == 0 ? shown : string.Concat(shown, "%", ScopeId.ToString());
    }
}
