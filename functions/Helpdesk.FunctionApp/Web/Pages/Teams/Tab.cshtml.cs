using Helpdesk.FunctionApp.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Helpdesk.FunctionApp.Web.Pages.Teams;

/// <summary>
/// The Teams tab's entry page (issue 22; the manifest's static tabs open it). Its script (<c>teams-tab.js</c>, with the
/// Teams JavaScript client library served by the app itself) gets a token with Teams single sign-on, exchanges it once
/// at <see cref="TeamsSessions.Route"/> for the tab's session cookie, and opens the queue, or the ticket whose protocol
/// the deep link carried as the tab's sub-page. Outside Teams (or with JavaScript off) it is a link to the queue, which
/// signs in as always.
/// </summary>
[AllowAnonymous]
public sealed class TabModel(TeamsSessions sessions) : PageModel
{
    public bool Enabled => sessions.Enabled;

    /// <summary>Where to go after signing in: a page of the front end only (never another site).</summary>
    public string Next { get; private set; } = WebRoutes.Prefix;

    public void OnGet(string? next)
    {
        if (next is { Length: > 0 } && next.StartsWith(WebRoutes.Prefix + "/", StringComparison.Ordinal) && !next.Contains("//", StringComparison.Ordinal) &&
            !next.Contains('\\', StringComparison.Ordinal) && Uri.IsWellFormedUriString(next, UriKind.Relative))
        {
            Next = next;
        }

        Response.Headers.CacheControl = "no-store";
    }
}
