namespace LambdaBootstrap.Runtime.Handlers;

/// <summary>
/// The handlers a bootstrap can run, by the name Lambda passes in <c>_HANDLER</c> (the function's <c>Handler</c>
/// setting). Each entry is a factory, so only the chosen handler is built, once, during init: the factory is the
/// place for the handler's own set-up (clients, configuration, caches). Give it to <see cref="LambdaRuntime.Run"/>.
/// <code>new HandlerRegistry { ["echo"] = () => LambdaHandler.Bytes((e, c) => e) }</code>
/// </summary>
public sealed class HandlerRegistry
{
    private readonly Dictionary<string, Func<LambdaHandler>> _factories = new(StringComparer.Ordinal);

    /// <summary>Registers the factory of the handler named <paramref name="name"/>; a second registration of a name replaces the first.</summary>
    /// <param name="name">The name, matched exactly (case-sensitive) against <c>_HANDLER</c>.</param>
    /// <value>Builds the handler during init. An exception from it (or a null factory) is reported to Lambda as
    /// <c>Runtime.InitError</c>, and the process exits.</value>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public Func<LambdaHandler> this[string name]
    {
        set => _factories[name] = value;
    }

    /// <summary>The registered names, sorted, for messages.</summary>
    internal string[] Names
    {
        get
        {
            var names = new string[_factories.Count];
            _factories.Keys.CopyTo(names, 0);
            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }
    }

    internal bool TryGet(string name, out Func<LambdaHandler> factory) => _factories.TryGetValue(name, out factory!);
}
