using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>Source-generated JSON metadata for VPC Lattice requests (event structure 1.0 and 2.0) and responses.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VpcLatticeRequestV1))]
[JsonSerializable(typeof(VpcLatticeRequestV2))]
[JsonSerializable(typeof(VpcLatticeResponse))]
public sealed partial class VpcLatticeJson : JsonSerializerContext;
