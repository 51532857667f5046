using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;
using Bootstrap.Bench.Native;

namespace Bootstrap.Bench.RuntimeApi;

/// <summary>
/// The server side of one bootstrap's keep-alive connection, on a blocking socket in the bench's own thread:
/// read a request (Content-Length or chunked body), stamp when it was complete, answer with prebuilt bytes.
/// Every read is bounded by the socket's receive timeout.
/// </summary>
public sealed class RuntimeApiConnection : IDisposable
{
    private static readonly byte[] s_accepted = Encoding.ASCII.GetBytes(
        "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n");

    private readonly Socket _socket;
    private readonly TimeSpan _timeout;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private byte[] _eventHead = new byte[1024];

    internal RuntimeApiConnection(Socket socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
        _socket.NoDelay = true;
        _socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        _socket.SendTimeout = (int)timeout.TotalMilliseconds;
    }

    /// <summary>Reads the next request. Throws <see cref="BenchException"/> if the peer closes, stalls past the timeout or sends garbage.</summary>
    public RuntimeApiRequest Receive()
    {
        int headEnd;
        while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            Fill("a request");
        var head = Encoding.ASCII.GetString(_buffer, _start, headEnd);
        _start += headEnd + 4;

        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            throw new BenchException($"malformed request line '{lines[0]}'");
        long contentLength = 0;
        bool chunked = false;
        foreach (string line in lines.AsSpan(1))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0)
                throw new BenchException($"malformed header line '{line}'");
            var name = line.AsSpan(0, colon);
            var value = line.AsSpan(colon + 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                contentLength = long.Parse(value);
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                chunked = value.Equals("chunked", StringComparison.OrdinalIgnoreCase);
        }
        byte[] body = chunked ? ReadChunked() : ReadExactly((int)contentLength);
        return new RuntimeApiRequest(requestLine[0], requestLine[1], body, MonotonicClock.Now());
    }

    /// <summary>Answers a <c>GET /next</c> with an invocation. Returns the instant just before the bytes went out.</summary>
    public long SendEvent(string requestId, long deadlineMs, ReadOnlySpan<byte> @event)
    {
        string head =
            "HTTP/1.1 200 OK\r\n" +
            "Content-Type: application/json\r\n" +
            $"Lambda-Runtime-Aws-Request-Id: {requestId}\r\n" +
            $"Lambda-Runtime-Deadline-Ms: {deadlineMs}\r\n" +
            "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:bench\r\n" +
            "Lambda-Runtime-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1\r\n" +
            $"Content-Length: {@event.Length}\r\n\r\n";
        int headLength = Encoding.ASCII.GetByteCount(head);
        if (_eventHead.Length < headLength + @event.Length)
            _eventHead = new byte[headLength + @event.Length];
        Encoding.ASCII.GetBytes(head, _eventHead);
        @event.CopyTo(_eventHead.AsSpan(headLength));
        long sentAt = MonotonicClock.Now();
        Send(_eventHead.AsSpan(0, headLength + @event.Length));
        return sentAt;
    }

    /// <summary>Answers a reply (<c>/response</c>, <c>/error</c>, <c>/init/error</c>) as Lambda does: 202 Accepted.</summary>
    public void SendAccepted() => Send(s_accepted);

    private void Send(ReadOnlySpan<byte> bytes)
    {
        try
        {
            while (!bytes.IsEmpty)
                bytes = bytes[_socket.Send(bytes)..];
        }
        catch (SocketException e)
        {
            throw new BenchException($"sending to the bootstrap failed: {e.Message}");
        }
    }

    private byte[] ReadExactly(int length)
    {
        var body = new byte[length];
        int copied = Math.Min(length, _end - _start);
        _buffer.AsSpan(_start, copied).CopyTo(body);
        _start += copied;
        while (copied < length)
        {
            int read = Receive(body.AsSpan(copied), "a request body");
            copied += read;
        }
        return body;
    }

    private byte[] ReadChunked()
    {
        var body = new MemoryStream();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
                Fill("a chunk size");
            var line = _buffer.AsSpan(_start, lineEnd);
            int semicolon = line.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(semicolon >= 0 ? line[..semicolon] : line, out int size, out _, 'x'))
                throw new BenchException("malformed chunk size in a request body");
            _start += lineEnd + 2;
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while (true)
                {
                    while ((lineEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
                        Fill("a chunked trailer");
                    _start += lineEnd + 2;
                    if (lineEnd == 0)
                        return body.ToArray();
                }
            }
            body.Write(ReadExactly(size));
            ReadExactly(2);
        }
    }

    private void Fill(string what)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        _end += Receive(_buffer.AsSpan(_end), what);
    }

    private int Receive(Span<byte> destination, string what)
    {
        int read;
        try
        {
            read = _socket.Receive(destination);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
        {
            throw new BenchException($"no {what} within {_timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            throw new BenchException($"connection failed while waiting for {what}: {e.Message}");
        }
        if (read == 0)
            throw new BenchException($"the bootstrap closed the connection while the bench waited for {what}");
        return read;
    }

    public void Dispose() => _socket.Dispose();
}
