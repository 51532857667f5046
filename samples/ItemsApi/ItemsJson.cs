using System.Text.Json.Serialization;

namespace ItemsApi;

/// <summary>Source-generated JSON for everything the API reads and writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(NewItem))]
[JsonSerializable(typeof(List<Item>))]
[JsonSerializable(typeof(ErrorMessage))]
internal sealed partial class ItemsJson : JsonSerializerContext;
