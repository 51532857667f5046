using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>What an AWS IoT Button sends its function on a press, through an AWS IoT rule.</summary>
public sealed class IoTButtonEvent
{
    /// <summary>The button's serial number.</summary>
    [JsonPropertyName("serialNumber")]
    public string? SerialNumber { get; set; }

    /// <summary><c>SINGLE</c>, <c>DOUBLE</c> or <c>LONG</c>.</summary>
    [JsonPropertyName("clickType")]
    public string? ClickType { get; set; }

    /// <summary>The battery's voltage, e.g. <c>1705mV</c>.</summary>
    [JsonPropertyName("batteryVoltage")]
    public string? BatteryVoltage { get; set; }
}
