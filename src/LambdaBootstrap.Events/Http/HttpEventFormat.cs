namespace LambdaBootstrap.Events.Http;

/// <summary>The HTTP front door an event came from; the response is written in the same format.</summary>
public enum HttpEventFormat
{
    /// <summary>API Gateway REST API proxy integration, payload format 1.0.</summary>
    ApiGatewayV1,

    /// <summary>API Gateway HTTP API, payload format 2.0.</summary>
    ApiGatewayV2,

    /// <summary>A Lambda Function URL (the payload 2.0 shape).</summary>
    FunctionUrl,

    /// <summary>An Application Load Balancer target group.</summary>
    Alb,
}
