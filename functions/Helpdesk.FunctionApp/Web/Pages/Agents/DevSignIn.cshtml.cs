using Helpdesk.Application.Identity;
using Helpdesk.FunctionApp.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary>
/// Development sign-in for people using a browser: sets the cookies that the development identity source reads in
/// place of the <c>X-Dev-Role</c>/<c>X-Dev-User</c> headers. Answers 404 wherever that source is off (always in Azure, and when the app listens on a non-loopback address).
/// </summary>
public sealed class DevSignInModel(DevelopmentSignIn developmentSignIn) : PageModel
{
    public IReadOnlyList<string> RoleChoices => Roles.All;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    private bool Enabled => developmentSignIn.IsEnabled;

    public IActionResult OnGet() => Enabled ? Page() : NotFound();

    public IActionResult OnPost()
    {
        if (!Enabled)
        {
            return NotFound();
        }

        if (!Roles.IsKnown(Role))
        {
            ModelState.AddModelError(nameof(Role), "Escolha um perfil.");
            return Page();
        }

        var cookie = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", IsEssential = true };
        Response.Cookies.Append(HelpdeskAuthenticationHandler.DevRoleCookie, Role!, cookie);
        var user = string.IsNullOrWhiteSpace(UserName) ? "dev-" + Role : UserName.Trim();
        Response.Cookies.Append(HelpdeskAuthenticationHandler.DevUserCookie, user.Length > 100 ? user[..100] : user, cookie);
        var target = ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith(WebRoutes.Prefix, StringComparison.Ordinal) ? url : WebRoutes.Tickets;
        return LocalRedirect(target);
    }
}
