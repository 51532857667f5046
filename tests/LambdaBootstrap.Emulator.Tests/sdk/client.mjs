// Drives the emulator's Invoke API with the official AWS SDK for JavaScript, as a user's code would.
// Usage: node client.mjs ENDPOINT CALLS_JSON
//   CALLS_JSON is an array of calls: {"op": "invoke" | "stream", "params": {...Lambda request, Payload as text}};
//   "PayloadDigits": N in params sends a payload of N digits instead.
// Prints one JSON line per result as soon as it has it, and one per event of a response stream as it arrives, so
// a test can act between two events. Errors are results too: {"error": name, "status": http status, "message"}.
import { LambdaClient, InvokeCommand, InvokeWithResponseStreamCommand } from "@aws-sdk/client-lambda";

const [endpoint, callsJson] = process.argv.slice(2);
const client = new LambdaClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
});
const text = (bytes) => (bytes == null ? undefined : Buffer.from(bytes).toString("utf8"));
const fromBase64 = (value) => (value == null ? undefined : Buffer.from(value, "base64").toString("utf8"));
const print = (line) => process.stdout.write(JSON.stringify(line) + "\n");

for (const call of JSON.parse(callsJson)) {
  const params = { ...call.params };
  if (typeof params.Payload === "string") params.Payload = Buffer.from(params.Payload, "utf8");
  // A large payload is made here (a command line cannot carry megabytes): N digits, a JSON number.
  if (typeof params.PayloadDigits === "number") params.Payload = Buffer.alloc(params.PayloadDigits, "1");
  delete params.PayloadDigits;
  try {
    if (call.op === "invoke") {
      const r = await client.send(new InvokeCommand(params));
      print({
        StatusCode: r.StatusCode,
        FunctionError: r.FunctionError,
        ExecutedVersion: r.ExecutedVersion,
        Log: fromBase64(r.LogResult),
        Payload: text(r.Payload),
      });
    } else if (call.op === "stream") {
      const r = await client.send(new InvokeWithResponseStreamCommand(params));
      print({ StatusCode: r.StatusCode, ExecutedVersion: r.ExecutedVersion, ResponseStreamContentType: r.ResponseStreamContentType });
      for await (const event of r.EventStream) {
        if (event.PayloadChunk) print({ event: "PayloadChunk", text: text(event.PayloadChunk.Payload) });
        else if (event.InvokeComplete) {
          const c = event.InvokeComplete;
          print({ event: "InvokeComplete", ErrorCode: c.ErrorCode, ErrorDetails: c.ErrorDetails, Log: fromBase64(c.LogResult) });
        } else print({ event: Object.keys(event)[0] });
      }
      print({ end: true });
    } else {
      throw new Error(`unknown op ${call.op}`);
    }
  } catch (e) {
    print({ error: e.name, status: e.$metadata?.httpStatusCode, message: e.message, type: e.Type, reason: e.Reason });
  }
}
