using System.Globalization;
using System.Text;
using Helpdesk.Application.Survey;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.FunctionApp.Api;

/// <summary>
/// <c>/api/surveys/{token}</c>: the satisfaction survey the resolution e-mail links to, for requesters (no sign-in: the
/// signed token is the capability). GET shows a minimal pt-BR form (0–10, optional comment); POST stores the rating
/// once. Answers are HTML pages; a client that accepts only JSON gets JSON and problem details.
/// </summary>
public static class SurveyEndpoints
{
    public static void MapSurveyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/surveys").WithTags("Survey").AllowAnonymous();
        group.MapGet("/{token}", OpenAsync).WithName("OpenSurvey").WithSummary("The survey form for a signed link.").Produces(200, contentType: "text/html");
        group.MapPost("/{token}", SubmitAsync).WithName("SubmitSurvey").WithSummary("Stores the rating (form fields score 0–10 and comment), once.")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded").Produces(200, contentType: "text/html");
    }

    internal static async Task<IResult> OpenAsync(string token, HttpContext context, SatisfactionSurvey survey, CancellationToken cancellationToken)
    {
        var result = await survey.OpenAsync(token, cancellationToken).ConfigureAwait(false);
        return Answer(context, result, token, error: null);
    }

    internal static async Task<IResult> SubmitAsync(string token, HttpContext context, SatisfactionSurvey survey, CancellationToken cancellationToken)
    {
        string? scoreText = null;
        string? comment = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            scoreText = form["score"].ToString();
            comment = form["comment"].ToString();
        }
        else if (context.Request.HasJsonContentType())
        {
            var body = await context.Request.ReadFromJsonAsync<SurveyAnswer>(cancellationToken).ConfigureAwait(false);
            scoreText = body?.Score?.ToString(CultureInfo.InvariantCulture);
            comment = body?.Comment;
        }

        if (!int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || !SatisfactionSurvey.IsValidScore(score))
        {
            var opened = await survey.OpenAsync(token, cancellationToken).ConfigureAwait(false);
            return opened.State == SurveyState.Open
                ? Answer(context, opened, token, error: "Escolha uma nota de 0 a 10.")
                : Answer(context, opened, token, error: null);
        }

        if (comment is { Length: > SatisfactionRating.MaxCommentLength })
        {
            var opened = await survey.OpenAsync(token, cancellationToken).ConfigureAwait(false);
            return Answer(context, opened, token, error: $"O comentário pode ter no máximo {SatisfactionRating.MaxCommentLength} caracteres.");
        }

        var result = await survey.SubmitAsync(token, score, comment, cancellationToken).ConfigureAwait(false);
        return Answer(context, result, token, error: null);
    }

    private static IResult Answer(HttpContext context, SurveyResult result, string token, string? error)
    {
        var (status, title, message) = result.State switch
        {
            SurveyState.Open when error is not null => (400, "Pesquisa de satisfação", error),
            SurveyState.Open => (200, "Pesquisa de satisfação", (string?)null),
            SurveyState.Recorded => (200, "Obrigado!", "Sua avaliação foi registrada. Ela nos ajuda a melhorar o atendimento."),
            SurveyState.AlreadyAnswered => (409, "Avaliação já registrada", "Este atendimento já foi avaliado. A primeira avaliação foi mantida; nada foi alterado."),
            SurveyState.Exposed => (403, "Link exposto", "Este link apareceu em uma mensagem que a equipe de atendimento pode ler (por exemplo, uma resposta que citou o e-mail de resolução) e por isso não pode ser usado: assim ninguém avalia o atendimento em seu nome."),
            SurveyState.Expired => (410, "Link expirado", "O prazo para avaliar este atendimento terminou."),
            SurveyState.NotResolved => (409, "Chamado em andamento", "Este chamado foi reaberto e ainda não pode ser avaliado. Você receberá um novo link quando ele for resolvido."),
            _ => (404, "Link inválido", "Este link de pesquisa não é válido. Use o link exatamente como recebido no e-mail."),
        };

        if (WantsJson(context.Request))
        {
            return status < 400
                ? Results.Json(new { state = TicketNameOf(result.State), protocol = result.Protocol }, statusCode: status)
                : Results.Problem(detail: message, statusCode: status, title: title, type: "https://helpdesk.local/problems/survey-" + TicketNameOf(result.State));
        }

        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(Page(title, message, result, token, showForm: result.State == SurveyState.Open), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string TicketNameOf(SurveyState state) => char.ToLowerInvariant(state.ToString()[0]) + state.ToString()[1..];

    private static bool WantsJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return (accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)) || request.HasJsonContentType();
    }

    private static string Page(string title, string? message, SurveyResult result, string token, bool showForm)
    {
        static string E(string? s) => Html.Encode(s ?? string.Empty);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title></head><body><main>")
            .Append("<h1>").Append(E(title)).Append("</h1>");
        if (result.Protocol is not null)
        {
            html.Append("<p>Chamado <strong>").Append(E(result.Protocol)).Append("</strong>: ").Append(E(result.Subject)).Append("</p>");
        }

        if (message is not null)
        {
            html.Append(showForm ? "<p role=\"alert\">" : "<p>").Append(E(message)).Append("</p>");
        }

        if (showForm)
        {
            html.Append("<form method=\"post\" action=\"/api/surveys/").Append(E(Uri.EscapeDataString(token))).Append("\">")
                .Append("<fieldset><legend>De 0 (muito insatisfeito) a 10 (muito satisfeito), qual nota você dá ao atendimento?</legend>");
            for (var i = 0; i <= 10; i++)
            {
                html.Append("<label><input type=\"radio\" name=\"score\" value=\"").Append(i).Append("\" required> ").Append(i).Append("</label> ");
            }

            html.Append("</fieldset>")
                .Append("<p><label for=\"comment\">Comentário (opcional)</label><br><textarea id=\"comment\" name=\"comment\" rows=\"4\" cols=\"60\" maxlength=\"")
                .Append(SatisfactionRating.MaxCommentLength).Append("\"></textarea></p>")
                .Append("<p><button type=\"submit\">Enviar avaliação</button></p></form>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    private sealed record SurveyAnswer(int? Score, string? Comment);

    /// <summary>HTML-encodes markup characters but keeps accented Latin letters readable in the page source.</summary>
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.BasicLatin, System.Text.Unicode.UnicodeRanges.Latin1Supplement);
}
