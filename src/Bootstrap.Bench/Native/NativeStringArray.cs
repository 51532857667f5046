using System.Runtime.InteropServices;

namespace Bootstrap.Bench.Native;

/// <summary>A NULL-terminated array of UTF-8 C strings (argv, envp), built once and reused for every spawn.</summary>
internal sealed unsafe class NativeStringArray : IDisposable
{
    private readonly int _count;

    public NativeStringArray(IReadOnlyList<string> values)
    {
        _count = values.Count;
        Pointer = (byte**)NativeMemory.AllocZeroed((nuint)(_count + 1), (nuint)sizeof(byte*));
        for (int i = 0; i < _count; i++)
            Pointer[i] = (byte*)Marshal.StringToCoTaskMemUTF8(values[i]);
    }

    public byte** Pointer { get; private set; }

    public void Dispose()
    {
        if (Pointer == null)
            return;
        for (int i = 0; i < _count; i++)
            Marshal.FreeCoTaskMem((nint)Pointer[i]);
        NativeMemory.Free(Pointer);
        Pointer = null;
    }
}
