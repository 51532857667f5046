using LambdaBootstrap.Runtime.Http;

namespace Bootstrap.Fuzz;

/// <summary>
/// One fuzz input read as the Runtime API's side of a keep-alive connection: the first byte picks the read size the
/// transport hands out (so splits are fuzzed too), the rest is up to three responses, heads and bodies. The reader's
/// own exceptions are the expected way to refuse bytes; anything else escaping is a finding, and so is a hang.
/// </summary>
public static class ResponseFuzzTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
            return;
        int readSize = input[0] % 17 + 1;
        var reader = new HttpResponseReader(new SplitStream(input[1..].ToArray(), [readSize]));
        var headers = new DiscardingSink();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                var head = reader.ReadHead(headers);
                if (i % 2 == 0)
                    reader.ReadBody(head);
                else
                    reader.SkipBody(head);
            }
        }
        catch (InvalidHttpResponseException)
        {
        }
        catch (HttpConnectionClosedException)
        {
        }
    }

    private sealed class DiscardingSink : IHttpHeaderSink
    {
        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) { }
    }
}
