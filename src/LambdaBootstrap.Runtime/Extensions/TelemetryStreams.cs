namespace LambdaBootstrap.Runtime.Extensions;

/// <summary>The Telemetry API's streams an extension subscribes to.</summary>
[Flags]
public enum TelemetryStreams
{
    /// <summary>No stream.</summary>
    None = 0,
    /// <summary><c>platform</c>: platform.initStart, platform.start, platform.runtimeDone, platform.report, ...</summary>
    Platform = 1,
    /// <summary><c>function</c>: the lines the function writes.</summary>
    Function = 2,
    /// <summary><c>extension</c>: the lines extensions write.</summary>
    Extension = 4,
}
