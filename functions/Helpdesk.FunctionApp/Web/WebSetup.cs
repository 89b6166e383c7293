using Helpdesk.FunctionApp.Hosting;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;

namespace Helpdesk.FunctionApp.Web;

/// <summary>The server-rendered front end: Razor Pages under <see cref="WebRoutes.Prefix"/>, anti-forgery, assets.</summary>
public static class WebSetup
{
    public const string AntiforgeryCookie = "helpdesk.af";

    public static IServiceCollection AddWebFrontEnd(this IServiceCollection services, IConfiguration configuration, HostingMode mode, string dataDirectory)
    {
        // The pages are compiled into this assembly; name it as an application part explicitly, because the entry
        // assembly (which MVC searches by default) is a test host when the tests start the app in-process.
        services.AddRazorPages(o => o.RootDirectory = "/Web/Pages")
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(WebSetup).Assembly;
                if (!parts.ApplicationParts.OfType<CompiledRazorAssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        if (!parts.ApplicationParts.Any(p => p.GetType() == part.GetType() && p.Name == part.Name))
                        {
                            parts.ApplicationParts.Add(part);
                        }
                    }
                }
            });
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        // Portuguese text is written as is (não, não &#xE3;): every character is still HTML-encoded where it must be.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<MailHtmlSanitizer>();
        services.AddSingleton<InlineImageLinks>();

        var protection = services.AddDataProtection().SetApplicationName("helpdesk");
        if (mode == HostingMode.Embedded)
        {
            // Tokens stay valid across restarts of a local run. In Azure the keys live in memory per instance
            // (ADR-007): a form older than the instance is answered with "send again", keeping what was typed.
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookie;
            o.FormFieldName = "__RequestVerificationToken";

            // Teams shows the pages in a cross-site frame: there the cookie must be SameSite=None (so Secure).
            // Locally (plain http) that would drop the cookie, so Lax it is.
            o.Cookie.SameSite = mode == HostingMode.FunctionsHost ? SameSiteMode.None : SameSiteMode.Lax;
            o.Cookie.SecurePolicy = mode == HostingMode.FunctionsHost ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

            // Framing is governed by the CSP's frame-ancestors (Teams); X-Frame-Options would forbid it.
            o.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    public static void MapWebFrontEnd(this WebApplication app)
    {
        app.MapWebAssets();
        PagesMappedOnFirstUse.Map(app); // MapRazorPages, when routing first asks for the pages (not before the server listens)
    }
}
