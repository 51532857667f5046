#!/usr/bin/env bash
# What each trigger of the events library costs a function: publishes minimal AOT functions, one handler each, and
# prints their bootstrap sizes against a bytes handler and a plain typed handler (the table in docs/events.md).
# Each function is generated under artifacts/trigger-cost/NAME/ and built like any function of this repository.
# Usage: measure-trigger-cost.sh [NAME...]   (default: all; extra publish options in PUBLISH_OPTIONS)
# The table lists every function published so far, so one function can be published again on its own.
# Slow: one AOT publish per function, taken one at a time under PUBLISH_LOCK, as the Makefile does.
set -euo pipefail
cd "$(dirname "$0")/.."

root=artifacts/trigger-cost
lock=${PUBLISH_LOCK:-artifacts/.publish.lock}
mkdir -p "$root" "$(dirname "$lock")"

# Each function's handlers; every one also gets the usings and, if it declares them, its own types.
declare -A handlers types
order=(bytes http http-router typed typed-generated typed-generated-date typed-jsonelement sqs sqs-generated dynamodb dynamodb-generated kinesis kinesis-generated firehose firehose-generated ses ses-generated kafka cognito-presignup sqs-cloudformation sqs-cloudformation-send)

handlers[bytes]='["h"] = () => LambdaHandler.Bytes(static (ReadOnlyMemory<byte> input, ILambdaContext _) => input),'

# The HTTP front doors' one handler (docs/http.md): no serializer, no event types.
handlers[http]='["h"] = () => LambdaHandler.Http(
        static (HttpRequest request, ILambdaContext _) => HttpResponse.Text(200, request.Path)),'

# The same front doors through HttpRouter: what routing costs on top of the HTTP model (docs/http.md).
handlers[http-router]='["h"] = () => LambdaHandler.Http(new HttpRouter()
        .MapGet("/items/{id:int}", static (HttpRequest request, ILambdaContext _) => HttpResponse.Text(200, request.RouteValues["id"]))
        .MapPost("/items", static (HttpRequest request, ILambdaContext _) => HttpResponse.Text(201, request.Path))
        .UseCors(new HttpCorsPolicy())),'

handlers[typed]='["h"] = () => LambdaHandler.Json(
        static (Request request, ILambdaContext _) => new Response($"Hello, {request.Name}!"),
        FunctionJson.Default.Request, FunctionJson.Default.Response),'
types[typed]='public sealed record Request(string? Name);
public sealed record Response(string Message);
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Request))]
[JsonSerializable(typeof(Response))]
public sealed partial class FunctionJson : JsonSerializerContext;'

# The same two records read and written by generated code ([LambdaJson]) instead of a context.
handlers[typed-generated]='["h"] = () => LambdaHandler.Json(
        static (Request request, ILambdaContext _) => new Response($"Hello, {request.Name}!")),'
types[typed-generated]='[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record Request(string? Name);
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record Response(string Message);'

# The same with a date member: what dates cost, .NET's time-zone support mostly (docs/json.md).
handlers[typed-generated-date]='["h"] = () => LambdaHandler.Json(
        static (DatedRequest request, ILambdaContext _) => new Response(request.At.Offset == TimeSpan.Zero ? "UTC" : "offset")),'
types[typed-generated-date]='[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record DatedRequest(string? Name, DateTimeOffset At);
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record Response(string Message);'

# The typed function with one open-ended member, as several triggers have (CloudFormation properties, EventBridge details).
handlers[typed-jsonelement]=${handlers[typed]}
types[typed-jsonelement]=${types[typed]/'string? Name)'/'string? Name, Dictionary<string, System.Text.Json.JsonElement>? Data)'}

# Handlers do as little as they can, so that a row measures the trigger's types and not the handler's own code.
sqs='["h"] = () => LambdaHandler.Json(
        static (SQSEvent batch, ILambdaContext _) => new SQSBatchResponse(),
        SqsJson.Default.SQSEvent, SqsJson.Default.SQSBatchResponse),'
handlers[sqs]=$sqs
# The SQS types are [LambdaJson] too: the same handler through their generated code.
handlers[sqs-generated]='["h"] = () => LambdaHandler.Json(static (SQSEvent batch, ILambdaContext _) => new SQSBatchResponse()),'

# DynamoDB Streams, Kinesis, Firehose and SES likewise: through their context, then through their generated code.
handlers[dynamodb]='["h"] = () => LambdaHandler.Json(
        static (DynamoDBEvent batch, ILambdaContext _) => new SQSBatchResponse(),
        DynamoDBJson.Default.DynamoDBEvent, DynamoDBJson.Default.SQSBatchResponse),'
handlers[dynamodb-generated]='["h"] = () => LambdaHandler.Json(static (DynamoDBEvent batch, ILambdaContext _) => new SQSBatchResponse()),'
handlers[kinesis]='["h"] = () => LambdaHandler.Json(
        static (KinesisEvent batch, ILambdaContext _) => new SQSBatchResponse(),
        KinesisJson.Default.KinesisEvent, KinesisJson.Default.SQSBatchResponse),'
handlers[kinesis-generated]='["h"] = () => LambdaHandler.Json(static (KinesisEvent batch, ILambdaContext _) => new SQSBatchResponse()),'
handlers[firehose]='["h"] = () => LambdaHandler.Json(
        static (KinesisFirehoseEvent batch, ILambdaContext _) => new KinesisFirehoseResponse(),
        KinesisFirehoseJson.Default.KinesisFirehoseEvent, KinesisFirehoseJson.Default.KinesisFirehoseResponse),'
handlers[firehose-generated]='["h"] = () => LambdaHandler.Json(static (KinesisFirehoseEvent batch, ILambdaContext _) => new KinesisFirehoseResponse()),'
handlers[ses]='["h"] = () => LambdaHandler.Json(
        static (SimpleEmailEvent e, ILambdaContext _) => new SimpleEmailDisposition(),
        SimpleEmailJson.Default.SimpleEmailEvent, SimpleEmailJson.Default.SimpleEmailDisposition),'
handlers[ses-generated]='["h"] = () => LambdaHandler.Json(static (SimpleEmailEvent e, ILambdaContext _) => new SimpleEmailDisposition()),'

# Kafka has no response of its own: the handler answers with a small record of its own.
handlers[kafka]='["h"] = () => LambdaHandler.Json(
        static (KafkaEvent batch, ILambdaContext _) => new Result(batch.Records?.Count ?? 0),
        KafkaJson.Default.KafkaEvent, FunctionJson.Default.Result),'
types[kafka]='public sealed record Result(int Records);
[JsonSerializable(typeof(Result))]
public sealed partial class FunctionJson : JsonSerializerContext;'

handlers[cognito-presignup]='["h"] = () => LambdaHandler.Json(
        static (CognitoPreSignupEvent e, ILambdaContext _) => { e.Response = new() { AutoConfirmUser = true }; return e; },
        CognitoPreSignupJson.Default.CognitoPreSignupEvent, CognitoPreSignupJson.Default.CognitoPreSignupEvent),'

# The SQS function plus a custom-resource handler that answers through Lambda and never calls the sender...
handlers[sqs-cloudformation]="$sqs"'
    ["cfn"] = () => LambdaHandler.Json(
        static (CloudFormationCustomResourceRequest request, ILambdaContext _) => request.Reply("SUCCESS", "resource-1"),
        CloudFormationJson.Default.CloudFormationCustomResourceRequest,
        CloudFormationJson.Default.CloudFormationCustomResourceResponse),'

# ...and the same, sending its response with CloudFormationResponseSender (HttpClient).
handlers[sqs-cloudformation-send]="$sqs"'
    ["cfn"] = () => LambdaHandler.Json(
        static async (CloudFormationCustomResourceRequest request, ILambdaContext _) =>
        {
            var response = request.Reply("SUCCESS", "resource-1");
            await CloudFormationResponseSender.SendAsync(request, response);
            return response;
        },
        CloudFormationJson.Default.CloudFormationCustomResourceRequest,
        CloudFormationJson.Default.CloudFormationCustomResourceResponse),'

generate() {
  local name=$1 dir=$root/$1
  mkdir -p "$dir"
  cat >"$dir/TriggerCost.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="../../../build/Bootstrap.Function.props" />
  <ItemGroup>
    <ProjectReference Include="../../../src/LambdaBootstrap.Runtime/LambdaBootstrap.Runtime.csproj" />
    <ProjectReference Include="../../../src/LambdaBootstrap.Events/LambdaBootstrap.Events.csproj" />
  </ItemGroup>
</Project>
EOF
  cat >"$dir/Program.cs" <<EOF
using System.Text.Json.Serialization;
using LambdaBootstrap.Events;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Json;

static class Program
{
    static int Main() => LambdaRuntime.Run(new HandlerRegistry
    {
    ${handlers[$name]}
    });
}

${types[$name]:-}
EOF
}

names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${order[@]}")
for name in "${names[@]}"; do
  [[ -v "handlers[$name]" ]] || { echo "measure-trigger-cost: no function named $name (${order[*]})" >&2; exit 1; }
  generate "$name"
  echo "measure-trigger-cost: publishing $name" >&2
  # shellcheck disable=SC2086
  flock "$lock" dotnet publish "$root/$name/TriggerCost.csproj" -c Release --nologo -v quiet -clp:NoSummary \
    -o "$root/$name/publish" -p:BootstrapOutputPath="$PWD/$root/$name/bootstrap" ${PUBLISH_OPTIONS:-} >&2
done

declare -A size
for name in "${order[@]}"; do
  [ ! -f "$root/$name/bootstrap" ] || size[$name]=$(stat -c %s "$root/$name/bootstrap")
done

# Sizes with thousands separators; differences in KB (1,000 bytes), rounded.
bytes() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
kb() {
  [ -n "${size[$2]:-}" ] || return 0
  bytes "$(awk -v d=$(( size[$1] - size[$2] )) 'BEGIN { printf "%+d KB", (d < 0 ? -1 : 1) * int((d < 0 ? -d : d) / 1000 + 0.5) }')"
}
printf '| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---|---|\n' function 'bootstrap size' 'vs bytes' 'vs typed' HttpClient 'OpenSSL loader'
for name in "${order[@]}"; do
  [[ -v "size[$name]" ]] || continue
  binary=$root/$name/bootstrap
  # HttpClient's name is in the stack-trace metadata of any function that carries it; the OpenSSL loader (dlopen of
  # libssl, from System.Security.Cryptography.Native) by its error message.
  http=$( [ "$(strings "$binary" | grep -c HttpClient)" -gt 0 ] && echo yes || echo no)
  ssl=$( [ "$(strings "$binary" | grep -c 'No usable version of libssl')" -gt 0 ] && echo yes || echo no)
  vs_typed=$( [[ $name == @(bytes|http|http-router|typed) ]] || kb "$name" typed)
  printf '| %s | %s B | %s | %s | %s | %s |\n' "$name" "$(bytes "${size[$name]}")" "$( [ "$name" = bytes ] || kb "$name" bytes)" "$vs_typed" "$http" "$ssl"
done
