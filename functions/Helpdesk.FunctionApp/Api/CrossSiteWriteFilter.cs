namespace Helpdesk.FunctionApp.Api;

/// <summary>
/// For writes that carry no body (<c>POST /api/kb/{id}/uses</c>, <c>POST /api/deadletters/{id}/replay</c>): a request
/// must say <c>Content-Type: application/json</c> or carry the <c>X-Requested-With</c> header. A cross-site HTML form
/// can send neither (either one makes the browser ask first, and the app grants no cross-origin request), so a page
/// elsewhere cannot make a signed-in agent's browser count a use or replay a message. Others get 415.
/// </summary>
public sealed class CrossSiteWriteFilter : IEndpointFilter
{
    public const string Header = "X-Requested-With";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (!request.HasJsonContentType() && string.IsNullOrEmpty(request.Headers[Header]))
        {
            return Problems.UnsupportedMediaType($"Envie Content-Type: application/json (o corpo pode ser vazio) ou o cabeçalho {Header}.");
        }

        return await next(context).ConfigureAwait(false);
    }
}
