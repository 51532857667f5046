namespace Bootstrap.Bench.Results;

/// <summary>
/// A bootstrap built for Lambda's other architecture: only its size is reported, since under qemu-user the timings
/// would measure the emulator, not the function.
/// </summary>
public sealed record UntimedBinary(string Name, string Path, string Architecture, long SizeBytes);
