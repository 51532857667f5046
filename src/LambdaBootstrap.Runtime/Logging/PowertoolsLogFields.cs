using System.Buffers;
using System.Globalization;
using System.Text;

namespace LambdaBootstrap.Runtime.Logging;

/// <summary>
/// What <see cref="PowertoolsLogging.Enable"/> adds to JSON lines: the function's name, memory and version on every
/// line, its ARN and <c>cold_start</c> on an invocation's, <c>service</c>, <c>sampling_rate</c>, and the choice of the
/// invocations logged at DEBUG whatever the level.
/// </summary>
internal sealed class PowertoolsLogFields(FunctionSettings function, string? service, int samplePerMillion, string? sampleRateText)
{
    // Numbers as lines write them, made once: no number formatting per line. The rate as the environment gave it.
    private readonly byte[] _memorySize = Encoding.ASCII.GetBytes(function.MemoryLimitInMB.ToString(CultureInfo.InvariantCulture));
    private readonly byte[]? _sampleRate = samplePerMillion > 0 && sampleRateText is not null ? Encoding.ASCII.GetBytes(sampleRateText.Trim()) : null;

    /// <summary>
    /// The fields of <paramref name="function"/> with <c>POWERTOOLS_SERVICE_NAME</c> and <c>POWERTOOLS_LOGGER_SAMPLE_RATE</c>;
    /// a rate that is not valid is a warning and no sampling.
    /// </summary>
    public static PowertoolsLogFields Read(FunctionSettings function, Func<string, string?> variable, List<string> warnings)
    {
        string? service = variable("POWERTOOLS_SERVICE_NAME");
        string? rateText = variable("POWERTOOLS_LOGGER_SAMPLE_RATE");
        int? perMillion = rateText is null ? 0 : LogSampling.ParsePerMillion(rateText);
        if (perMillion is null)
            warnings.Add($"POWERTOOLS_LOGGER_SAMPLE_RATE '{rateText}' is not a number from 0 to 1 (at most six decimals); no log sampling");
        return new PowertoolsLogFields(function, string.IsNullOrEmpty(service) ? null : service, perMillion ?? 0, rateText);
    }

    /// <summary>Whether the invocation <paramref name="requestId"/> is one of those logged at DEBUG (never without a sample rate).</summary>
    public bool SamplesInvocation(string requestId) => LogSampling.Chooses(requestId, samplePerMillion);

    /// <summary>Writes the fields as JSON properties; those of an invocation when the line is one's.</summary>
    public void WriteTo(IBufferWriter<byte> line, LambdaContext? invocation)
    {
        JsonText.Property(line, "function_name"u8);
        JsonText.String(line, function.FunctionName);
        JsonText.Property(line, "function_memory_size"u8);
        line.Append(_memorySize);
        JsonText.Property(line, "function_version"u8);
        JsonText.String(line, function.FunctionVersion);
        if (invocation is not null)
        {
            if (invocation.InvokedFunctionArn is not null)
            {
                JsonText.Property(line, "function_arn"u8);
                JsonText.String(line, invocation.InvokedFunctionArn);
            }
            JsonText.Property(line, "cold_start"u8);
            line.Append(invocation.IsColdStart ? "true"u8 : "false"u8);
        }
        if (service is not null)
        {
            JsonText.Property(line, "service"u8);
            JsonText.String(line, service);
        }
        if (_sampleRate is not null)
        {
            JsonText.Property(line, "sampling_rate"u8);
            line.Append(_sampleRate);
        }
    }
}
