using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// ISO 8601 times as AWS writes them: a UTC time goes back out as <c>…Z</c>, not as System.Text.Json's
/// <c>…+00:00</c>, and a time with an offset AWS writes without its colon (<c>+0000</c>) is read too.
/// </summary>
public sealed class IsoTimeConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value))
                return value;
            if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
                return value;
        }
        throw new JsonException($"expected an ISO 8601 time, found {reader.TokenType}");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        if (value.Offset == TimeSpan.Zero)
            writer.WriteStringValue(value.UtcDateTime);
        else
            writer.WriteStringValue(value);
    }
}
