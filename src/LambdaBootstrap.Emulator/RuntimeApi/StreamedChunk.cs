namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>One read of a streamed response body: when it arrived, counted from the first byte, and how many bytes it held.</summary>
internal readonly record struct StreamedChunk(TimeSpan SinceFirstByte, int Bytes);
