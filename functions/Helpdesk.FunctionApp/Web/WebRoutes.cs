namespace Helpdesk.FunctionApp.Web;

/// <summary>
/// Where the pages live. Everything the Functions host forwards is under its route prefix (<c>api</c>), and
/// <c>GET /</c> is the host's readiness probe, so the web front end lives under <c>/api/app/</c>
/// (HTTP function <c>Web</c>, route <c>app/{*path}</c>). See docs/decisions/ADR-007-web-front-end.md.
/// </summary>
public static class WebRoutes
{
    /// <summary>The path every page and asset starts with (no trailing slash).</summary>
    public const string Prefix = "/api/app";

    /// <summary>The public request form (no sign-in).</summary>
    public const string RequestForm = Prefix + "/request";

    /// <summary>The agents' queue (mine, my group, all).</summary>
    public const string Tickets = Prefix + "/tickets";

    public const string Dashboard = Prefix + "/dashboard";

    /// <summary>The supervisors' list of dead-lettered messages, with replay.</summary>
    public const string DeadLetters = Prefix + "/dead-letters";

    /// <summary>The supervisors' list of held messages ("Mensagens retidas"): open a ticket or discard.</summary>
    public const string HeldMessages = Prefix + "/held-messages";

    /// <summary>The development sign-in (Development environment, embedded mode only): picks a role, sets a cookie.</summary>
    public const string DevSignIn = Prefix + "/dev-sign-in";

    /// <summary>The Teams tab's entry page: signs in with Teams single sign-on, then opens the queue or a ticket.</summary>
    public const string TeamsTab = Prefix + "/teams";

    public static string Ticket(string protocol) => Tickets + "/" + protocol;

    /// <summary>Stylesheet and the few scripts, served from resources embedded in the assembly.</summary>
    public const string Assets = Prefix + "/assets";

    public static bool IsWebPath(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
