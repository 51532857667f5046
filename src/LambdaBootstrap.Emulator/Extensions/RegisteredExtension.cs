using System.Threading.Channels;

namespace LambdaBootstrap.Emulator.Extensions;

/// <summary>
/// An extension registered with the current process: its name, identifier and events, the events waiting for its
/// next <c>event/next</c>, and whether it has asked for more since the last one it got (then it is ready: init or
/// the invoke phase may end as far as it is concerned).
/// </summary>
internal sealed class RegisteredExtension
{
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();
    private long _sent;
    private long _delivered;
    // The events delivered when it last called event/next: those it has finished with.
    private long _finished = -1;

    public RegisteredExtension(string name, string identifier, IReadOnlyList<string> events, bool external)
    {
        Name = name;
        Identifier = identifier;
        Events = events;
        External = external;
    }

    public string Name { get; }
    public string Identifier { get; }
    public IReadOnlyList<string> Events { get; }
    /// <summary>Started by the emulator from an extensions/ folder or --extension, not a thread of the runtime.</summary>
    public bool External { get; }
    /// <summary>It reported init/error or exit/error: no further call of it succeeds.</summary>
    public bool Failed { get; set; }

    public bool Wants(string eventType) => Events.Contains(eventType);

    /// <summary>It has called event/next since the last event it was given.</summary>
    public bool IsReady => Interlocked.Read(ref _finished) == Interlocked.Read(ref _sent);

    internal ChannelReader<string> Pending => _events.Reader;

    internal void Send(string eventJson)
    {
        Interlocked.Increment(ref _sent);
        _events.Writer.TryWrite(eventJson);
    }

    /// <summary>An event/next came in: every event delivered so far is done with.</summary>
    internal void CalledNext() => Interlocked.Exchange(ref _finished, Interlocked.Read(ref _delivered));

    internal void Delivered() => Interlocked.Increment(ref _delivered);
}
