using System.Text;

namespace Bootstrap.TestSupport.RuntimeApi;

/// <summary>One scripted misbehaviour of the Runtime API, applied to the answer of one call.</summary>
public enum Fault
{
    // The connection ends in the middle of an answer.
    CloseBeforeStatusLine,
    ResetBeforeStatusLine,
    CloseMidHeaders,
    ResetMidHeaders,
    CloseMidBody,
    ResetMidBody,
    CloseMidChunk,
    ResetMidChunk,
    MissingFinalChunk,
    // The connection ends after a whole answer, before the next request (an idle keep-alive connection closed).
    CloseAfterAnswer,
    ResetAfterAnswer,
    // The client is cut off while it still sends its request (a streamed response's body).
    ResetMidUpload,
    // Valid, but not the usual shape.
    OneByteAtATime,
    ChunkedAnswer,
    InterimContinue,
    EarlyHintsWithMadeUpRequestId,
    LargeAnswer,
    // Broken or ambiguous framing.
    LengthAndChunked,
    TwoContentLengths,
    NegativeLength,
    NonNumericLength,
    OverflowingChunkSize,
    NonHexChunkSize,
    BareLineFeeds,
    HeaderWithoutColon,
    TwoDigitStatus,
    FourDigitStatus,
    OversizedAnswer,
    // Protocol surprises.
    NoRequestId,
    EmptyRequestId,
    UnknownSuccessStatus,
    UnknownClientErrorStatus,
    UnknownServerErrorStatus,
}

/// <summary>How the connection goes on after the faulted bytes.</summary>
public enum Ending
{
    /// <summary>Keep serving requests on it.</summary>
    KeepServing,
    /// <summary>A clean close (FIN).</summary>
    Close,
    /// <summary>An abortive close (RST).</summary>
    Reset,
}

/// <summary>The bytes a fault puts on the wire, how fast, and what happens to the connection afterwards.</summary>
public sealed record FaultedAnswer(byte[] Bytes, Ending Ending, bool OneByteAtATime = false, bool BeforeRequestBody = false)
{
    public static FaultedAnswer Apply(Fault fault, Answer answer)
    {
        byte[] valid = answer.Fixed();
        int head = answer.FixedHeadLength;
        // The first chunk of the chunked framing is 4 bytes; cut after 2 of them.
        int midChunk = answer.ChunkedHead().Length + "4\r\n".Length + 2;
        return fault switch
        {
            Fault.CloseBeforeStatusLine => new([], Ending.Close),
            Fault.ResetBeforeStatusLine => new([], Ending.Reset),
            Fault.CloseMidHeaders => new(valid[..(head / 2)], Ending.Close),
            Fault.ResetMidHeaders => new(valid[..(head / 2)], Ending.Reset),
            Fault.CloseMidBody => new(valid[..(head + answer.Body.Length / 2)], Ending.Close),
            Fault.ResetMidBody => new(valid[..(head + answer.Body.Length / 2)], Ending.Reset),
            Fault.CloseMidChunk => new(answer.Chunked()[..midChunk], Ending.Close),
            Fault.ResetMidChunk => new(answer.Chunked()[..midChunk], Ending.Reset),
            Fault.MissingFinalChunk => new(answer.Chunked(finalChunk: false), Ending.Close),
            Fault.CloseAfterAnswer => new(valid, Ending.Close),
            Fault.ResetAfterAnswer => new(valid, Ending.Reset),
            Fault.ResetMidUpload => new([], Ending.Reset, BeforeRequestBody: true),
            Fault.OneByteAtATime => new(valid, Ending.KeepServing, OneByteAtATime: true),
            Fault.ChunkedAnswer => new(answer.Chunked(), Ending.KeepServing),
            Fault.InterimContinue => new([.. "HTTP/1.1 100 Continue\r\n\r\n"u8, .. valid], Ending.KeepServing),
            Fault.EarlyHintsWithMadeUpRequestId => new(
                [.. "HTTP/1.1 103 Early Hints\r\nLambda-Runtime-Aws-Request-Id: made-up-id\r\nLink: </style.css>; rel=preload\r\n\r\n"u8, .. valid],
                Ending.KeepServing),
            Fault.LargeAnswer => new((answer with { Body = LargeBody(answer.Body) }).Fixed(), Ending.KeepServing),
            Fault.LengthAndChunked => new(answer.WithHeader("Content-Length", answer.Body.Length.ToString()).Chunked(), Ending.KeepServing),
            Fault.TwoContentLengths => new(answer.WithHeader("Content-Length", (answer.Body.Length + 1).ToString()).Fixed(), Ending.KeepServing),
            Fault.NegativeLength => new(answer.Fixed("-1"), Ending.KeepServing),
            Fault.NonNumericLength => new(answer.Fixed("twelve"), Ending.KeepServing),
            Fault.OverflowingChunkSize => new([.. answer.ChunkedHead(), .. "100000000000000000004\r\nabcd\r\n0\r\n\r\n"u8], Ending.KeepServing),
            Fault.NonHexChunkSize => new([.. answer.ChunkedHead(), .. "zz\r\nabcd\r\n0\r\n\r\n"u8], Ending.KeepServing),
            Fault.BareLineFeeds => new([.. Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(valid, 0, head).Replace("\r\n", "\n")), .. answer.Body], Ending.KeepServing),
            Fault.HeaderWithoutColon => new(AfterStatusLine(valid, "Just some words\r\n"u8), Ending.KeepServing),
            Fault.TwoDigitStatus => new(answer.WithStatusLine(answer.StatusLine[..9] + answer.StatusLine[9..11] + answer.StatusLine[12..]).Fixed(), Ending.KeepServing),
            Fault.FourDigitStatus => new(answer.WithStatusLine(answer.StatusLine[..12] + "0" + answer.StatusLine[12..]).Fixed(), Ending.KeepServing),
            Fault.OversizedAnswer => new(OversizedHead(answer), Ending.KeepServing),
            Fault.NoRequestId => new(answer.WithoutHeader("Lambda-Runtime-Aws-Request-Id").Fixed(), Ending.KeepServing),
            Fault.EmptyRequestId => new(answer.WithoutHeader("Lambda-Runtime-Aws-Request-Id").WithHeader("Lambda-Runtime-Aws-Request-Id", "").Fixed(), Ending.KeepServing),
            Fault.UnknownSuccessStatus => new(answer.WithStatusLine("HTTP/1.1 299 Something New").Fixed(), Ending.KeepServing),
            Fault.UnknownClientErrorStatus => new(answer.WithStatusLine("HTTP/1.1 418 I'm a teapot").Fixed(), Ending.KeepServing),
            Fault.UnknownServerErrorStatus => new(answer.WithStatusLine("HTTP/1.1 599 Something Broke").Fixed(), Ending.KeepServing),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }

    // 8 MiB: far more than any answer the API sends, within the client's body limit.
    private static byte[] LargeBody(byte[] body) => [.. body, .. Enumerable.Repeat((byte)' ', 8 * 1024 * 1024)];

    // A head announcing 64 MiB, past the client's limit, and the first KiB of it: the head alone must decide.
    private static byte[] OversizedHead(Answer answer)
    {
        byte[] whole = answer.Fixed((64 * 1024 * 1024).ToString());
        return [.. whole.AsSpan(0, whole.Length - answer.Body.Length), .. new byte[1024]];
    }

    private static byte[] AfterStatusLine(byte[] bytes, ReadOnlySpan<byte> line)
    {
        int at = bytes.AsSpan().IndexOf("\r\n"u8) + 2;
        return [.. bytes.AsSpan(0, at), .. line, .. bytes.AsSpan(at)];
    }
}
