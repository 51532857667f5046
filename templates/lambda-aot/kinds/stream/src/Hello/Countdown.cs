using System.Text;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;

namespace Hello;

/// <summary>
/// The streaming handler: <c>GET /?from=N</c> counts down from N (5 unless given, at most 100), one line at a time,
/// each sent as soon as it is written, then <c>liftoff</c>.
/// </summary>
public static class Countdown
{
    public static Task Handle(HttpRequest request, HttpStreamingResponse response, ILambdaContext context)
    {
        int from = int.TryParse(request.Query["from"], out int n) && n is > 0 and <= 100 ? n : 5;
        context.Logger.LogInformation($"counting down from {from}");
        response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
        return WriteAsync(response.Body, from, TimeSpan.FromMilliseconds(100), context.CancellationToken);
    }

    /// <summary>The countdown itself, into any stream: a unit test reads it from a MemoryStream.</summary>
    public static async Task WriteAsync(Stream body, int from, TimeSpan pause, CancellationToken cancellationToken)
    {
        for (int i = from; i > 0; i--)
        {
            await body.WriteAsync(Encoding.UTF8.GetBytes($"{i}\n"), cancellationToken);
            await body.FlushAsync(cancellationToken);
            await Task.Delay(pause, cancellationToken);
        }
        await body.WriteAsync("liftoff\n"u8.ToArray(), cancellationToken);
    }
}
