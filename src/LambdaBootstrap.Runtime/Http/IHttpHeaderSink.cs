namespace LambdaBootstrap.Runtime.Http;

/// <summary>Receives each response header as the parser finds it; names are not case-normalised.</summary>
internal interface IHttpHeaderSink
{
    void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value);
}
