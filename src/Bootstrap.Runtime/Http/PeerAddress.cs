using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Bootstrap.Runtime.Native;

namespace Bootstrap.Runtime.Http;

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

    /// <summary>Dotted IPv4, or IPv6 as eight hexadecimal groups (for error messages only; not the shortest form).</summary>
    public override string ToString()
    {
        if (!IsV6)
            return string.Concat(_address[0].ToString(), ".", _address[1].ToString(), ".", _address[2].ToString(), ".") + _address[3].ToString();
        var groups = new string[8];
        for (int i = 0; i < 8; i++)
            groups[i] = BinaryPrimitives.ReadUInt16BigEndian(_address.AsSpan(2 * i)).ToString("x");
        string text = string.Join(':', groups);
        return ScopeId == 0 ? text : string.Concat(text, "%", ScopeId.ToString());
    }
}
