using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>How the Runtime API server presents the function and its invocations.</summary>
internal sealed record RuntimeApiOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }
    public string FunctionName { get; init; } = "function";
    public string FunctionVersion { get; init; } = "$LATEST";
    public string Region { get; init; } = "us-east-1";
    public string AccountId { get; init; } = "012345678912";
    /// <summary>The function timeout: each invocation's deadline is this long after <c>/next</c> hands it out.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Events larger than this go out chunked, as AWS's emulator sends them; 0 chunks all, int.MaxValue none.</summary>
    public int ChunkedEventThreshold { get; init; } = 2048;
    /// <summary>Send the Lambda-Runtime-* header names in lower case (HTTP names are case-insensitive; runtimes must cope).</summary>
    public bool LowercaseHeaderNames { get; init; }
    /// <summary>Lambda's limit on a streamed response (200 MiB); past it the stream is cut and the invocation fails.</summary>
    public long MaxStreamedResponseBytes { get; init; } = RuntimeApiServer.DefaultMaxStreamedResponseBytes;
    /// <summary>
    /// Answer 410 to a reply that is not in by the invocation's <see cref="Invocation.Deadline"/>, as Lambda does.
    /// Off by default: a bare server has no timer to settle such an invocation, so it would wait forever; a
    /// <see cref="LocalFunction"/> times invocations out itself at the deadline, and late replies get 410 then anyway.
    /// </summary>
    public bool EnforceDeadline { get; init; }
    /// <summary>
    /// The clock every deadline, timeout and time limit is read from and waits on (the function's and init's timeouts,
    /// the 410 after a deadline, a streamed response's limits). Tests pass a fake one to move time themselves. What a REPORT
    /// line measures (Duration, Init Duration) is the real process's time, on the real clock.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    /// <summary>
    /// Wraps the server's request handling, the one way in for code around it: tests record requests and inject faults
    /// with it. A wrapper that wants to know when a reply is accepted sets an <see cref="IReplyAcceptedFeature"/>.
    /// </summary>
    internal Func<RequestDelegate, RequestDelegate>? Middleware { get; init; }

    /// <summary>
    /// The function's AWS_SESSION_TOKEN when the caller's environment has none: made at each start, so a local
    /// service that checks it (the Parameters and Secrets extension's API) can tell the function's requests.
    /// </summary>
    public string SessionToken { get; init; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string FunctionArn => $"arn:aws:lambda:{Region}:{AccountId}:function:{FunctionName}";
}
