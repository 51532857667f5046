namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// Set on a request by a <see cref="RuntimeApiOptions.Middleware"/> to hear that the server accepted it as an
/// invocation's reply: told before the invocation's outcome completes.
/// </summary>
internal interface IReplyAcceptedFeature
{
    void Accepted();
}
