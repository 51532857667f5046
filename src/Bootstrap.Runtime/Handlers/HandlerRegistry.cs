namespace Bootstrap.Runtime.Handlers;

/// <summary>
/// The handlers a bootstrap can run, by the name Lambda passes in <c>_HANDLER</c>. Each entry is a factory,
/// so only the chosen handler is built, once, during init; the factory is the place for the handler's own set-up.
/// <code>new HandlerRegistry { ["echo"] = () => LambdaHandler.Bytes((e, c) => e) }</code>
/// </summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<string, Func<LambdaHandler>> _factories = new(StringComparer.Ordinal);

    public Func<LambdaHandler> this[string name]
    {
        set => _factories[name] = value;
    }

    /// <summary>The registered names, sorted, for messages.</summary>
    public string[] Names
    {
        get
        {
            var names = new string[_factories.Count];
            _factories.Keys.CopyTo(names, 0);
            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }
    }

    public bool TryGet(string name, out Func<LambdaHandler> factory) => _factories.TryGetValue(name, out factory!);
}
