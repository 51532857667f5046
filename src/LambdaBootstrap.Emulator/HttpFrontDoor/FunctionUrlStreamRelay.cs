using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// A Function URL in <c>RESPONSE_STREAM</c> mode: the function's streamed response goes on to the HTTP client as it
/// arrives. A stream of the HTTP integration content type starts with a prelude (the JSON status, headers and
/// cookies, then eight NUL bytes) that becomes the response head; any other stream is a 200 with its content type.
/// </summary>
internal static class FunctionUrlStreamRelay
{
    /// <summary>The content type of a streamed response that starts with the HTTP prelude.</summary>
    public const string PreludeContentType = "application/vnd.awslambda.http-integration-response";

    /// <summary>More than this before the eight NUL bytes is not a prelude.</summary>
    private const int MaxPreludeBytes = 64 * 1024;

    /// <summary>Relays the stream; returns why it is not a valid streamed response, or null once relayed.</summary>
    public static async Task<string?> RelayAsync(HttpContext context, StreamedResponseRecording stream, Task<InvokeResult> result)
    {
        var response = context.Response;
        var cancel = context.RequestAborted;
        var pieces = stream.ReadAllAsync(cancel).GetAsyncEnumerator(cancel);
        try
        {
            if (stream.ContentType.StartsWith(PreludeContentType, StringComparison.OrdinalIgnoreCase))
            {
                var head = new List<byte>();
                int end;
                while ((end = Separator(head)) < 0)
                {
                    if (head.Count > MaxPreludeBytes)
                        return $"no end of the prelude (eight NUL bytes) in its first {MaxPreludeBytes} bytes";
                    if (!await pieces.MoveNextAsync())
                        return (await result).Outcome.IsError ? null : "the stream ended inside its prelude";
                    head.AddRange(pieces.Current.ToArray());
                }
                if (HttpAnswer.Read(FrontDoorEventFormat.FunctionUrl, head.GetRange(0, end).ToArray(), out string? problem) is not { } answer)
                    return $"its prelude is not valid: {problem}";
                HttpFrontDoorServer.WriteHead(response, answer);
                await response.Body.WriteAsync(head.Skip(end + 8).ToArray(), cancel);
            }
            else
            {
                response.StatusCode = 200;
                response.ContentType = stream.ContentType;
            }
            await response.Body.FlushAsync(cancel);
            while (await pieces.MoveNextAsync())
            {
                await response.Body.WriteAsync(pieces.Current, cancel);
                await response.Body.FlushAsync(cancel);
            }
            // A stream that fails mid-way cuts the response short, as a Function URL does.
            if ((await result).Outcome.IsError)
                context.Abort();
            return null;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client went away; the invocation runs on and still gets its REPORT line.
            return null;
        }
        finally
        {
            await pieces.DisposeAsync();
        }
    }

    private static int Separator(List<byte> head)
    {
        for (int i = 0, zeros = 0; i < head.Count; i++)
        {
            zeros = head[i] == 0 ? zeros + 1 : 0;
            if (zeros == 8)
                return i - 7;
        }
        return -1;
    }
}
