using Ganss.Xss;

namespace Helpdesk.FunctionApp.Web;

/// <summary>
/// Cleans the HTML of requesters' e-mails before an agent's browser sees it (HtmlSanitizer: allow-list of tags,
/// attributes, URL schemes and CSS properties). The result is further shown in a sandboxed frame without scripts,
/// under a CSP without inline scripts: three independent fences.
/// </summary>
public sealed class MailHtmlSanitizer
{
    private static readonly string[] FormTags = ["form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend"];

    private readonly HtmlSanitizer _sanitizer;

    public MailHtmlSanitizer()
    {
        _sanitizer = new HtmlSanitizer();
        foreach (var tag in FormTags)
        {
            _sanitizer.AllowedTags.Remove(tag);
        }

        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                link.SetAttribute("target", "_blank");
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        _sanitizer.AllowedAttributes.Add("target");
        _sanitizer.AllowedAttributes.Add("rel");
    }

    /// <summary>A complete, sanitized document for a sandboxed frame's <c>srcdoc</c>.</summary>
    public string ToFrameDocument(string html)
    {
        var body = _sanitizer.Sanitize(html ?? string.Empty);
        return "<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><base target=\"_blank\"></head><body>" + body + "</body></html>";
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html ?? string.Empty);
}
