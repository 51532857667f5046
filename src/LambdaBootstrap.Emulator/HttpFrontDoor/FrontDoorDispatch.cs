using LambdaBootstrap.Emulator.Function;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>A request's destination (<see cref="Function"/> and <see cref="Event"/>), or the answer in its place (<see cref="Status"/>, <see cref="Body"/>).</summary>
/// <param name="Headers">Headers the door adds to the response (a Function URL's CORS headers).</param>
internal sealed record FrontDoorDispatch(LocalFunction? Function, FrontDoorEventFormat Format, byte[] Event, int Status, string Body,
    IReadOnlyList<(string Name, string Value)> Headers)
{
    public static FrontDoorDispatch Invoke(LocalFunction function, FrontDoorEventFormat format, byte[] payload, IReadOnlyList<(string, string)>? headers = null) =>
        new(function, format, payload, 0, "", headers ?? []);

    public static FrontDoorDispatch Answer(int status, string body, IReadOnlyList<(string, string)>? headers = null) =>
        new(null, default, [], status, body, headers ?? []);

    /// <summary>API Gateway's <c>{"message":"..."}</c> answer.</summary>
    public static FrontDoorDispatch Message(int status, string message) => Answer(status, $$"""{"message":"{{message}}"}""");
}
