namespace Helpdesk.FunctionApp.Web;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows no inline script and lets only the app itself
/// and Microsoft Teams frame the pages, no MIME sniffing, and no full URLs in the Referer header.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Who may frame the pages: the app itself and the Teams clients (web, desktop, Microsoft 365).</summary>
    public const string FrameAncestors = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.skype.com https://*.cloud.microsoft";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-src 'self'; frame-ancestors " + FrameAncestors;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // A file served from a ticket sets its own, stricter policy (sandbox, nothing loads): kept.
                if (!headers.ContentSecurityPolicy.ToString().StartsWith("sandbox", StringComparison.Ordinal))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";

                // CSP frame-ancestors governs framing; X-Frame-Options cannot name Teams, so it must not be sent.
                headers.Remove("X-Frame-Options");
                return Task.CompletedTask;
            });
            return next(context);
        });
}
