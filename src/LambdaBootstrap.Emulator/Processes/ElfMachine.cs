using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LambdaBootstrap.Emulator.Processes;

/// <summary>The two Lambda architectures, as their ELF header names them.</summary>
internal enum LambdaArchitecture
{
    X86_64,
    Arm64,
}

/// <summary>Reads which Lambda architecture an executable was built for, from its ELF header.</summary>
internal static class ElfMachine
{
    private const ushort EM_X86_64 = 62;
    private const ushort EM_AARCH64 = 183;

    /// <summary>
    /// The architecture of the ELF executable at <paramref name="path"/>; null for anything else (a script, an ELF
    /// for a machine Lambda does not have), which is then started as it is.
    /// </summary>
    public static LambdaArchitecture? Read(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using (var file = File.OpenRead(path))
        {
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
                return null;
        }
        // Magic, 64-bit class, little-endian: the only kind of executable Lambda runs.
        if (header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F' || header[4] != 2 || header[5] != 1)
            return null;
        return BinaryPrimitives.ReadUInt16LittleEndian(header[18..]) switch
        {
            EM_X86_64 => LambdaArchitecture.X86_64,
            EM_AARCH64 => LambdaArchitecture.Arm64,
            _ => null,
        };
    }

    /// <summary>This machine's architecture, or null when it is neither of Lambda's.</summary>
    public static LambdaArchitecture? OfThisMachine() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => LambdaArchitecture.X86_64,
        Architecture.Arm64 => LambdaArchitecture.Arm64,
        _ => null,
    };

    /// <summary>Lambda's name for the architecture: <c>x86_64</c> or <c>arm64</c>.</summary>
    public static string LambdaName(this LambdaArchitecture architecture) =>
        architecture == LambdaArchitecture.Arm64 ? "arm64" : "x86_64";
}
