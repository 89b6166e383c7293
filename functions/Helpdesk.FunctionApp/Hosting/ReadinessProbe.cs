namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// The Functions host's readiness probe, <c>GET /</c> (FUNCTIONS-HOST.md §1: any HTTP answer means ready), answered
/// before routing. Routing builds the whole endpoint table on its first request (every minimal-API delegate, the Razor
/// pages' application parts and its matcher): the probe must not wait for that, since every scale-out and every wake
/// from zero waits for the probe. Real requests still go through routing, which builds the table once, on the first.
/// </summary>
public static class ReadinessProbe
{
    public const string Body = """{"status":"ready","service":"helpdesk"}""";

    /// <summary>Answers <c>GET /</c> and <c>HEAD /</c> with 200 <see cref="Body"/>; call it before <c>UseRouting</c>.</summary>
    public static IApplicationBuilder UseReadinessProbe(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Path.Value is not "/" || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : context.Response.WriteAsync(Body);
        });
}
