namespace Bootstrap.Reliability.Tests.FaultInjection;

/// <summary>What the runtime promises when the Runtime API misbehaves: it goes on correctly, or it exits at once.</summary>
public enum Outcome
{
    /// <summary>The invocation loop goes on and the next invocation is answered correctly.</summary>
    GoesOn,
    /// <summary>The process exits non-zero promptly with one line on stderr, replying to nothing it should not.</summary>
    Exits,
}

/// <summary>
/// The table of promised outcomes (the README's "Reliability" section states the same). Whatever the outcome, a
/// bootstrap never replies to a request id it was not given, never sends two replies for one id, and never reports
/// a handler error for a transport fault.
/// </summary>
public static class PromisedOutcomes
{
    private static readonly Fault[] ValidShapes =
    [
        Fault.OneByteAtATime, Fault.ChunkedAnswer, Fault.InterimContinue, Fault.EarlyHintsWithMadeUpRequestId,
        Fault.LargeAnswer, Fault.CloseAfterAnswer, Fault.ResetAfterAnswer,
    ];

    /// <summary>The faults that can happen to a call's answer.</summary>
    public static IEnumerable<Fault> FaultsFor(RuntimeApiCall call) => call switch
    {
        // Nobody reads the parked event request: what arrives there must simply change nothing.
        RuntimeApiCall.ExtensionEventNext => [Fault.CloseBeforeStatusLine, Fault.ResetBeforeStatusLine, Fault.NonHexChunkSize, Fault.UnknownServerErrorStatus],
        _ => Enum.GetValues<Fault>().Where(fault =>
            (fault is not (Fault.NoRequestId or Fault.EmptyRequestId) || call == RuntimeApiCall.Next)
            && (fault != Fault.ResetMidUpload || call == RuntimeApiCall.StreamedResponse)),
    };

    public static Outcome For(RuntimeApiCall call, Fault fault) => call switch
    {
        RuntimeApiCall.ExtensionEventNext => Outcome.GoesOn,
        // Init has failed already: the process ends whatever the answer.
        RuntimeApiCall.InitError => Outcome.Exits,
        _ when ValidShapes.Contains(fault) => Outcome.GoesOn,
        // A GET /next on a connection that served before is resent once on a new connection: no reply can double.
        RuntimeApiCall.Next => fault is Fault.CloseBeforeStatusLine or Fault.ResetBeforeStatusLine ? Outcome.GoesOn : Outcome.Exits,
        // Any 2xx accepts a reply; a 4xx is logged (the reply is lost, as the API decided) and the loop goes on.
        RuntimeApiCall.Response or RuntimeApiCall.Error or RuntimeApiCall.StreamedResponse =>
            fault is Fault.UnknownSuccessStatus or Fault.UnknownClientErrorStatus ? Outcome.GoesOn : Outcome.Exits,
        _ => Outcome.Exits,
    };
}
