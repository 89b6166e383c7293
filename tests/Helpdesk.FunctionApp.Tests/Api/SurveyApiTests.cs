using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Application.Survey;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;
using MimeKit;

namespace Helpdesk.FunctionApp.Tests.Api;

public sealed partial class SurveyApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens, resolves and returns the survey path e-mailed to the requester (found in the sent e-mail only).</summary>
    private async Task<(string Protocol, string Path)> ResolvedAsync(string email)
    {
        var before = _app.SentMail().Length;
        var protocol = await _app.OpenAsync(email: email);
        await _app.DoAsync(protocol, "assign", new { assignee = "me" });
        await _app.DoAsync(protocol, "resolve", new { resolvedAtFirstContact = true, resolution = "Feito." });
        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length >= before + 2, TimeSpan.FromSeconds(10), "the resolution e-mail");
        var mails = await Task.WhenAll(_app.SentMail().Select(f => MimeMessage.LoadAsync(f, Ct)));
        var paths = mails.Select(m => SurveyPath().Match(m.TextBody ?? string.Empty)).Where(m => m.Success && m.Value.Contains("." + protocol + ".", StringComparison.Ordinal)).ToList();
        return (protocol, Assert.Single(paths).Value);
    }

    private Task<HttpResponseMessage> SubmitAsync(string path, string score, string? comment = null) =>
        _app.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["score"] = score, ["comment"] = comment ?? string.Empty }), Ct);

    [Fact]
    public async Task The_link_shows_a_pt_br_form_and_the_rating_is_stored_once()
    {
        var (protocol, path) = await ResolvedAsync("r1@ifsp.edu.br");

        using var form = await _app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("lang=\"pt-BR\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"score\" value=\"10\"", html, StringComparison.Ordinal);
        Assert.Contains(protocol, html, StringComparison.Ordinal);

        using var first = await SubmitAsync(path, "9", "Muito bom");
        using var second = await SubmitAsync(path, "2", "Mudei de ideia");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Obrigado", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("já foi avaliado", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal(9, ticket.GetProperty("rating").GetProperty("score").GetInt32());
        Assert.Equal("Muito bom", ticket.GetProperty("rating").GetProperty("comment").GetString());
        Assert.Single(ticket.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "satisfactionRated");
    }

    [Fact]
    public async Task A_forged_or_altered_signature_is_refused()
    {
        var (_, path) = await ResolvedAsync("r2@ifsp.edu.br");
        var forged = path[..^3] + (path[^3..] == "AAA" ? "BBB" : "AAA");

        using var get = await _app.Client.GetAsync(new Uri(forged, UriKind.Relative), Ct);
        using var post = await SubmitAsync(forged, "10");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains("Link inválido", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_cannot_be_replayed_for_another_ticket()
    {
        var (_, pathA) = await ResolvedAsync("r3@ifsp.edu.br");
        var (protocolB, pathB) = await ResolvedAsync("r4@ifsp.edu.br");
        var partsA = pathA["/api/surveys/".Length..].Split('.');
        var partsB = pathB["/api/surveys/".Length..].Split('.');

        // A's signature with B's ticket id and protocol; and A's token with only the protocol swapped.
        var replayed = $"/api/surveys/{partsB[0]}.{partsB[1]}.{partsA[2]}.{partsA[3]}";
        var swapped = $"/api/surveys/{partsA[0]}.{partsB[1]}.{partsA[2]}.{partsA[3]}";
        using var r1 = await SubmitAsync(replayed, "0");
        using var r2 = await SubmitAsync(swapped, "0");

        Assert.Equal(HttpStatusCode.NotFound, r1.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, r2.StatusCode);
        var (ticketB, _) = await _app.ReadAsync(protocolB);
        Assert.Equal(JsonValueKind.Null, ticketB.GetProperty("rating").ValueKind);
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_410()
    {
        var (protocol, _) = await ResolvedAsync("r5@ifsp.edu.br");
        var (ticket, _) = await _app.ReadAsync(protocol);
        var links = _app.Service<SurveyLinks>();
        var token = links.CreateToken(TicketId.Parse(ticket.GetProperty("id").GetString()!), ProtocolNumber.TryParse(protocol, out var p) ? p : default, DateTimeOffset.UtcNow.AddMinutes(-1));

        using var response = await SubmitAsync("/api/surveys/" + token, "10");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await _app.ReadAsync(protocol)).Ticket.GetProperty("rating").ValueKind);
    }

    [Fact]
    public async Task A_score_out_of_range_shows_the_form_again_with_the_reason_and_stores_nothing()
    {
        var (protocol, path) = await ResolvedAsync("r6@ifsp.edu.br");

        using var response = await SubmitAsync(path, "11");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Escolha uma nota de 0 a 10", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await _app.ReadAsync(protocol)).Ticket.GetProperty("rating").ValueKind);
    }

    [Fact]
    public async Task The_stored_resolution_mail_holds_a_placeholder_and_only_the_sent_message_carries_the_link()
    {
        var (protocol, path) = await ResolvedAsync("r7@ifsp.edu.br");
        var signature = path.Split('.')[^1];

        var (ticket, _) = await _app.ReadAsync(protocol, "admin");
        var stored = ticket.GetProperty("messages").EnumerateArray().Last().GetProperty("text").GetString()!;
        using var export = await _app.Staff("finance").GetAsync(new Uri("/api/exports/tickets?month=" + DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), UriKind.Relative), Ct);
        using var page = await _app.Staff("admin").GetAsync(new Uri("/api/app/tickets/" + protocol, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(Helpdesk.Application.Tickets.TicketMailComposer.SurveyLinkPlaceholder, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, ticket.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("/api/surveys/", ticket.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(signature, await export.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(signature, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var open = await _app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task A_link_quoted_back_into_the_ticket_where_staff_read_it_is_refused()
    {
        var (protocol, path) = await ResolvedAsync("r8@ifsp.edu.br");
        var mails = await Task.WhenAll(_app.SentMail().Select(f => MimeMessage.LoadAsync(f, Ct)));
        var resolution = mails.Single(m => (m.TextBody ?? string.Empty).Contains(path, StringComparison.Ordinal));

        // The requester answers "obrigado" quoting the whole resolution e-mail: the link is now in the ticket's history.
        using var reply = await _app.PostEmailAsync(Emails.Plain("r8-thanks@ifsp.edu.br", from: "r8@ifsp.edu.br", subject: "Re: " + resolution.Subject,
            body: "Obrigado!\r\n\r\n> " + resolution.TextBody!.Replace("\n", "\n> ", StringComparison.Ordinal), extraHeaders: $"In-Reply-To: <{resolution.MessageId}>\r\n"));
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync(Ct));
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Contains(path.Split('.')[^1], ticket.GetRawText(), StringComparison.Ordinal);

        using var response = await SubmitAsync(path, "10");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Link exposto", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await _app.ReadAsync(protocol)).Ticket.GetProperty("rating").ValueKind);
    }

    [GeneratedRegex(@"/api/surveys/[0-9a-f]{32}\.\d{11}\.\d+\.[A-Za-z0-9_-]+")]
    private static partial Regex SurveyPath();
}
