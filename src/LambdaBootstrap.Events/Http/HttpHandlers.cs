using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// <c>LambdaHandler.Http(...)</c>: one handler for every HTTP front door. The event's format (API Gateway REST 1.0,
/// HTTP API 2.0, Function URL, ALB) is detected, the request normalised, and the response written in the caller's format.
/// An event in none of those formats is a <c>Runtime.SerializationError</c> that names the formats tried.
/// </summary>
public static class HttpHandlers
{
    extension(LambdaHandler)
    {
        /// <summary>An HTTP handler for API Gateway (REST and HTTP APIs), Function URLs and ALBs alike.</summary>
        public static LambdaHandler Http(Func<HttpRequest, ILambdaContext, HttpResponse> handler)
        {
            bool ignoreStage = HttpPathModel.StageIgnoredByEnvironment();
            return LambdaHandler.Bytes((e, context) =>
            {
                var request = HttpRequestReader.Read(e, ignoreStage);
                return HttpResponseWriter.Write(request, handler(request, context));
            }).ForTrigger("http");
        }

        /// <summary>An asynchronous HTTP handler for every front door.</summary>
        public static LambdaHandler Http(Func<HttpRequest, ILambdaContext, Task<HttpResponse>> handler)
        {
            bool ignoreStage = HttpPathModel.StageIgnoredByEnvironment();
            return LambdaHandler.Bytes(async (e, context) =>
            {
                var request = HttpRequestReader.Read(e, ignoreStage);
                return HttpResponseWriter.Write(request, await handler(request, context).ConfigureAwait(false));
            }).ForTrigger("http");
        }

        /// <summary>An HTTP handler for every front door that serves the routes of <paramref name="router"/>.</summary>
        public static LambdaHandler Http(HttpRouter router)
        {
            ArgumentNullException.ThrowIfNull(router);
            bool ignoreStage = HttpPathModel.StageIgnoredByEnvironment();
            // Straight on the bytes kind: a router whose routes are all synchronous runs no async code.
            return new BytesHandler((e, context) => router.RouteAndWrite(HttpRequestReader.Read(e, ignoreStage), context)).ForTrigger("http");
        }

        /// <summary>
        /// A streaming HTTP handler, for a Function URL in <c>RESPONSE_STREAM</c> mode: the head goes out as the HTTP
        /// integration prelude, then the body as the handler writes and flushes it.
        /// </summary>
        public static LambdaHandler HttpStreaming(Func<HttpRequest, HttpStreamingResponse, ILambdaContext, Task> handler)
        {
            bool ignoreStage = HttpPathModel.StageIgnoredByEnvironment();
            return LambdaHandler.Streaming(async (e, stream, context) =>
            {
                var request = HttpRequestReader.Read(e, ignoreStage);
                var response = new HttpStreamingResponse(stream);
                await handler(request, response, context).ConfigureAwait(false);
                response.Start();
            }).ForTrigger("http");
        }
    }
}
