namespace LambdaBootstrap.Emulator.Hosting;

/// <summary>A problem the emulator explains in one line (a port in use, a missing bootstrap), never with a stack trace.</summary>
internal class EmulatorException(string message) : Exception(message);
