using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>Where a front door sends a request: to a function with its event, or nowhere, with the door's own answer.</summary>
internal interface IFrontDoorRouting
{
    Task<FrontDoorDispatch> DispatchAsync(HttpContext context, byte[] body, string requestId);
}
