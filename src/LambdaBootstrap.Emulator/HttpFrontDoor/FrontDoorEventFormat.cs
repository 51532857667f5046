namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// Which AWS front door the emulator's HTTP port plays: the event shape it sends and the answer it expects. Its own
/// type, not the events library's: the emulator writes events from the wire formats alone, so it checks that library
/// rather than sharing its code.
/// </summary>
internal enum FrontDoorEventFormat
{
    /// <summary>API Gateway REST API, proxy payload 1.0 (<c>apigateway-v1</c>).</summary>
    ApiGatewayV1,
    /// <summary>API Gateway HTTP API, payload 2.0 (<c>apigateway-v2</c>).</summary>
    ApiGatewayV2,
    /// <summary>A Lambda Function URL, payload 2.0 (<c>function-url</c>).</summary>
    FunctionUrl,
    /// <summary>An Application Load Balancer target group with multi-value headers (<c>alb</c>).</summary>
    Alb,
}

/// <summary>The names <c>--http-event</c> takes.</summary>
internal static class FrontDoorEventFormats
{
    public const string Names = "apigateway-v1, apigateway-v2, function-url or alb";

    /// <summary>The format a name stands for, or null.</summary>
    public static FrontDoorEventFormat? Parse(string name) => name switch
    {
        "apigateway-v1" => FrontDoorEventFormat.ApiGatewayV1,
        "apigateway-v2" => FrontDoorEventFormat.ApiGatewayV2,
        "function-url" => FrontDoorEventFormat.FunctionUrl,
        "alb" => FrontDoorEventFormat.Alb,
        _ => null,
    };

    /// <summary>The name <c>--http-event</c> gives the format.</summary>
    public static string NameOf(FrontDoorEventFormat format) => format switch
    {
        FrontDoorEventFormat.ApiGatewayV1 => "apigateway-v1",
        FrontDoorEventFormat.ApiGatewayV2 => "apigateway-v2",
        FrontDoorEventFormat.FunctionUrl => "function-url",
        _ => "alb",
    };

    /// <summary>Whether the event is payload 2.0 (HTTP API or Function URL).</summary>
    public static bool IsPayloadV2(this FrontDoorEventFormat format) => format is FrontDoorEventFormat.ApiGatewayV2 or FrontDoorEventFormat.FunctionUrl;
}
