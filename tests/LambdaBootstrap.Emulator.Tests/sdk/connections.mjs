// Drives a WebSocket API's @connections endpoint with the official AWS SDK for JavaScript, as a function would.
// Usage: node connections.mjs ENDPOINT CALLS_JSON
//   CALLS_JSON is an array of calls: {"op": "post" | "get" | "delete", "id": connection id, "data": text to post}.
// Prints one JSON line per result; errors are results too: {"error": name, "status": http status}.
import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
  GetConnectionCommand,
  DeleteConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";

const [endpoint, callsJson] = process.argv.slice(2);
const client = new ApiGatewayManagementApiClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
});
const print = (line) => process.stdout.write(JSON.stringify(line) + "\n");

for (const call of JSON.parse(callsJson)) {
  try {
    if (call.op === "post") {
      const r = await client.send(new PostToConnectionCommand({ ConnectionId: call.id, Data: Buffer.from(call.data, "utf8") }));
      print({ status: r.$metadata.httpStatusCode });
    } else if (call.op === "get") {
      const r = await client.send(new GetConnectionCommand({ ConnectionId: call.id }));
      print({ status: r.$metadata.httpStatusCode, connectedAt: r.ConnectedAt?.toISOString(), sourceIp: r.Identity?.SourceIp, userAgent: r.Identity?.UserAgent });
    } else if (call.op === "delete") {
      const r = await client.send(new DeleteConnectionCommand({ ConnectionId: call.id }));
      print({ status: r.$metadata.httpStatusCode });
    } else {
      throw new Error(`unknown op ${call.op}`);
    }
  } catch (e) {
    print({ error: e.name, status: e.$metadata?.httpStatusCode, message: e.message });
  }
}
