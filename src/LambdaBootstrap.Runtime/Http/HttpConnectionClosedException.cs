namespace LambdaBootstrap.Runtime.Http;

/// <summary>The peer closed the connection before any byte of a response: safe to reconnect and retry once.</summary>
internal sealed class HttpConnectionClosedException() : IOException("the Runtime API closed the connection");
