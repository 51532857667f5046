namespace Bootstrap.TestSupport.Emulator;

/// <summary>
/// A function that uses X-Ray and EMF as a runtime would, written as a Python 3 script on the standard library: for
/// each event from <c>/next</c>, when its trace header says <c>Sampled=1</c>, it sends two subsegment documents to
/// <c>AWS_XRAY_DAEMON_ADDRESS</c> (the daemon's header line, then the document): <c>call bank</c>, a remote
/// <c>http</c> call that failed (fault and cause), nested under <c>charge card</c>, which carries the annotation
/// <c>order</c> (the event's <c>order</c>) and hangs under the header's <c>Parent</c>. It prints one EMF line (metrics
/// <c>Orders</c> = 1 and <c>ChargeLatency</c> = the event's <c>latency</c>, namespace <c>Shop</c>), then answers
/// <c>{"sampled": true|false, "traceId": "…"}</c>.
/// </summary>
public static class TracedFunction
{
    public const string Script = """
        #!/usr/bin/python3
        import json, os, secrets, socket, time, urllib.request

        api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
        daemon = os.environ.get("AWS_XRAY_DAEMON_ADDRESS", "")

        def send(document):
            host, port = daemon.split(":")
            datagram = '{"format":"json","version":1}\n' + json.dumps(document)
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                udp.sendto(datagram.encode(), (host, int(port)))

        while True:
            with urllib.request.urlopen(api + "next") as next_event:
                request_id = next_event.headers["Lambda-Runtime-Aws-Request-Id"]
                trace = next_event.headers.get("Lambda-Runtime-Trace-Id") or ""
                event = json.loads(next_event.read() or b"{}")
            parts = dict(p.split("=", 1) for p in trace.split(";") if "=" in p)
            sampled = parts.get("Sampled") == "1"
            start = time.time()
            if sampled and daemon:
                charge = secrets.token_hex(8)
                send({"type": "subsegment", "id": secrets.token_hex(8), "trace_id": parts["Root"], "parent_id": charge,
                      "name": "call bank", "namespace": "remote", "start_time": start, "end_time": time.time(),
                      "http": {"request": {"method": "POST", "url": "https://bank.example/charge"}, "response": {"status": 503}},
                      "fault": True,
                      "cause": {"exceptions": [{"id": secrets.token_hex(8), "type": "BankUnavailable", "message": "the bank said 503"}]}})
                send({"type": "subsegment", "id": charge, "trace_id": parts["Root"], "parent_id": parts.get("Parent"),
                      "name": "charge card", "start_time": start, "end_time": time.time(),
                      "annotations": {"order": event.get("order", "none")}, "metadata": {"shop": {"attempt": 1}}})
            print(json.dumps({"_aws": {"Timestamp": int(time.time() * 1000), "CloudWatchMetrics": [{
                "Namespace": "Shop", "Dimensions": [["Service"]],
                "Metrics": [{"Name": "Orders", "Unit": "Count"}, {"Name": "ChargeLatency", "Unit": "Milliseconds"}]}]},
                "Service": "shop", "Orders": 1, "ChargeLatency": event.get("latency", 1)}), flush=True)
            answer = json.dumps({"sampled": sampled, "traceId": trace}).encode()
            urllib.request.urlopen(urllib.request.Request(api + request_id + "/response", data=answer, method="POST")).read()
        """;

    /// <summary>Writes the script as <c>bootstrap</c> in <paramref name="folder"/>, executable, and gives its path.</summary>
    public static string WriteTo(string folder)
    {
        string path = Path.Combine(folder, "bootstrap");
        File.WriteAllText(path, Script + "\n");
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the function is a script with a #! line: Linux only, like Lambda");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
