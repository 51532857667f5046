using LambdaBootstrap.Emulator.Templates;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>The route a request matched, with the path as API Gateway gives it to the function.</summary>
/// <param name="Path">The path without the stage, percent-decoded (REST's <c>path</c>).</param>
/// <param name="RawPath">The path as it arrived, with the stage when the URL carried it (HTTP API's <c>rawPath</c>).</param>
/// <param name="PathParameters">The values of the route's <c>{name}</c> and <c>{name+}</c>, or null when it has none.</param>
internal sealed record RouteMatch(ApiRoute Route, string Path, string RawPath, IReadOnlyDictionary<string, string>? PathParameters);
