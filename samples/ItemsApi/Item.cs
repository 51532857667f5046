namespace ItemsApi;

/// <summary>An item as stored and as returned: its id is chosen by the API.</summary>
public sealed record Item(string Id, string Name);

/// <summary>What a client posts to create an item.</summary>
public sealed record NewItem(string? Name);

/// <summary>The body of every error answer.</summary>
public sealed record ErrorMessage(string Message);
