using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime.Json;

namespace RuntimeTests.Json;

// The [LambdaJson] types the generator's tests read and write, each also read and written by System.Text.Json with
// the same naming policy to compare against: every supported member type, each naming policy, every way to construct.
// System.Text.Json has one naming policy per options object, so types that nest each other share theirs.

/// <summary>Every scalar, positional.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record Scalars(
    string? Text, bool Flag, char Letter, byte U8, sbyte I8, short I16, ushort U16, int I32, uint U32, long I64,
    ulong U64, float F32, double F64, decimal Money);

/// <summary>Dates, times and identifiers, settable and init-only.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
public sealed partial class Times
{
    public DateTime At { get; set; }
    public DateTimeOffset AtOffset { get; set; }
    public DateOnly Day { get; init; }
    public TimeOnly Clock { get; init; }
    public TimeSpan Span { get; set; }
    public Guid Id { get; set; }
    public Uri? Link { get; set; }
}

public enum Color
{
    Red,
    Green,
    Blue = 5,
}

[JsonConverter(typeof(JsonStringEnumConverter<Shade>))]
public enum Shade
{
    Light,
    Dark,
    [JsonStringEnumMemberName("pitch-black")]
    PitchBlack,
}

/// <summary>Every collection shape.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record Collections
{
    public int[]? Numbers { get; init; }
    public List<string?>? Names { get; init; }
    public IReadOnlyList<Point>? Points { get; init; }
    public IEnumerable<int?>? Maybe { get; init; }
    public Dictionary<string, long>? Counts { get; init; }
    public IReadOnlyDictionary<string, Shade>? Shades { get; init; }
    public byte[]? Blob { get; init; }
}

/// <summary>A value type, positional.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public partial record struct Point(int X, int Y);

/// <summary>Attributes, nullables, enums, nesting and pass-through, nominal with required members.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial class Everything
{
    public required string Name { get; init; }

    [JsonPropertyName("n")]
    public int? Number { get; set; }

    [JsonIgnore]
    public string? Secret { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Optional { get; set; }

    public Color Color { get; set; } = Color.Green;

    public Shade Shade { get; set; }

    public Shade? MaybeShade { get; set; }

    public Scalars? Scalars { get; set; }

    public Point Position { get; set; }

    public Point? MaybePosition { get; set; }

    public JsonElement Extra { get; set; }

    public JsonNode? Node { get; set; }

    public List<Everything>? Children { get; set; }

    public string Computed => $"{Name}!";
}

/// <summary>A chain, for the depth limit.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.KebabCaseUpper)]
public sealed partial class Link
{
    public string? Label { get; set; }
    public Link? Next { get; set; }
}

/// <summary>Exact names and case-insensitive matching, as System.Text.Json's PropertyNameCaseInsensitive.</summary>
[LambdaJson(PropertyNameCaseInsensitive = true)]
public sealed partial record Lenient(string? Name, int Count = 7);

/// <summary>Names with runs of capitals and digits, for the snake-case policy.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.SnakeCaseUpper)]
public sealed partial record Shouting(string? FirstName, int HTTPCode, string? Address2Line, bool IsOK);

/// <summary>Names for the lower kebab-case policy.</summary>
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
public sealed partial record Quiet(string? DisplayName, long ItemCount, List<string>? XMLTags);
