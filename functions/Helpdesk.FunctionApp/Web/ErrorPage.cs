using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Helpdesk.FunctionApp.Web;

/// <summary>A minimal pt-BR HTML page for answers produced outside Razor (rate limiting, status codes).</summary>
public static class ErrorPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(string title, string detail)
    {
        var encoder = Encoder;
        return "<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{encoder.Encode(title)} – Central de Atendimento</title><link rel=\"stylesheet\" href=\"{WebAssets.Url("site.css")}\"></head>" +
            $"<body><main id=\"conteudo\" class=\"container\"><h1>{encoder.Encode(title)}</h1><p role=\"alert\">{encoder.Encode(detail)}</p>" +
            $"<p><a href=\"{WebRoutes.RequestForm}\">Voltar ao formulário</a></p></main></body></html>";
    }
}
