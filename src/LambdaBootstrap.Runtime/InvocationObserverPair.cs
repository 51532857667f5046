namespace LambdaBootstrap.Runtime;

/// <summary>Two observers as one: the first starts first and ends last, each failing on its own.</summary>
internal sealed class InvocationObserverPair(InvocationObserver first, InvocationObserver second) : InvocationObserver
{
    public override object? OnStart(LambdaContext context) => new object?[] { first.Start(context), second.Start(context) };

    public override void OnEnd(LambdaContext context, object? state, Exception? failure)
    {
        var states = (object?[])state!;
        second.End(context, states[1], failure);
        first.End(context, states[0], failure);
    }

    public override bool Includes(InvocationObserver observer) => first.Includes(observer) || second.Includes(observer);
}
