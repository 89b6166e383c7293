using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using MimeKit;

namespace Helpdesk.FunctionApp.Tests.Intake;

/// <summary>Issue 18, section 1: what cannot become a ticket by itself is held, listed for supervisors at
/// <c>GET /api/mailbox/held</c>, and opened as a ticket or discarded in one action; delivery reports of our own mail
/// are recorded on their ticket.</summary>
public sealed class HeldMessageTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement[]> HeldAsync() => await _app.Staff().GetFromJsonAsync<JsonElement[]>("/api/mailbox/held", Ct) ?? [];

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task A_noreply_message_is_held_with_its_reason_and_listed_with_the_issue_fields()
    {
        using var response = await _app.PostEmailAsync(Emails.Plain("noreply-1@sistema.gov.br", from: "Sistema SEI <noreply@sistema.gov.br>", subject: "Processo 123 aguardando"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("held", body.GetProperty("outcome").GetString());
        Assert.Equal("automatic-sender", body.GetProperty("reason").GetString());
        var held = Assert.Single(await HeldAsync());
        Assert.Equal("noreply-1@sistema.gov.br", held.GetProperty("messageId").GetString());
        Assert.Equal("noreply@sistema.gov.br", held.GetProperty("from").GetString());
        Assert.Equal("Processo 123 aguardando", held.GetProperty("subject").GetString());
        Assert.Equal("automatic-sender", held.GetProperty("reason").GetString());
        Assert.True(held.GetProperty("receivedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.False(string.IsNullOrEmpty(held.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_held_once()
    {
        using var first = await _app.PostEmailAsync(Emails.Plain("twice-held@sistema.gov.br", from: "no-reply@sistema.gov.br"));
        using var second = await _app.PostEmailAsync(Emails.Plain("twice-held@sistema.gov.br", from: "no-reply@sistema.gov.br"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("held", (await BodyAsync(second)).GetProperty("outcome").GetString());
        Assert.Single(await HeldAsync());
    }

    [Fact]
    public async Task A_message_without_a_usable_sender_is_held()
    {
        using var response = await _app.PostEmailAsync(Emails.Plain("nosender@x.gov.br", from: "Maria <maria@intranet>"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("no-valid-sender", (await BodyAsync(response)).GetProperty("reason").GetString());
        Assert.Equal("no-valid-sender", Assert.Single(await HeldAsync()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_supervisor_opens_a_ticket_from_a_held_message_for_a_corrected_address_once()
    {
        using var _ = await _app.PostEmailAsync(Emails.Plain("open-1@sistema.gov.br", from: "noreply@sistema.gov.br", subject: "Formulário de contato", body: "Nome: Joana. E-mail: joana@ifsp.edu.br. Não consigo entrar no SUAP."));
        var id = Assert.Single(await HeldAsync()).GetProperty("id").GetString();

        using var opened = await _app.Staff(user: "sup.ana").PostAsJsonAsync($"/api/mailbox/held/{id}/ticket", new { requesterEmail = "joana@ifsp.edu.br" }, Ct);
        using var again = await _app.Staff(user: "sup.bia").PostAsJsonAsync($"/api/mailbox/held/{id}/ticket", new { requesterEmail = "joana@ifsp.edu.br" }, Ct);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var protocol = (await BodyAsync(opened)).GetProperty("protocol").GetString();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(protocol, (await BodyAsync(again)).GetProperty("protocol").GetString());
        Assert.Empty(await HeldAsync());
        var (ticket, _) = await _app.ReadAsync(protocol!);
        Assert.Equal("Formulário de contato", ticket.GetProperty("subject").GetString());
        Assert.Contains("joana@ifsp.edu.br", ticket.GetProperty("requesterEmail").GetString(), StringComparison.Ordinal);
        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment to the corrected address");
        var ack = await MimeMessage.LoadAsync(_app.SentMail()[0], Ct);
        Assert.Equal("joana@ifsp.edu.br", ack.To.Mailboxes.Single().Address);
        Assert.Equal([protocol!], TicketApi.Protocols(await _app.ListAsync(string.Empty)));
    }

    [Fact]
    public async Task No_acknowledgment_goes_to_an_automatic_address_even_when_a_supervisor_keeps_it()
    {
        using var _ = await _app.PostEmailAsync(Emails.Plain("keep-noreply@sistema.gov.br", from: "noreply@sistema.gov.br"));
        var id = Assert.Single(await HeldAsync()).GetProperty("id").GetString();

        using var opened = await _app.Staff().PostAsJsonAsync($"/api/mailbox/held/{id}/ticket", new { requesterEmail = "noreply@sistema.gov.br" }, Ct);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var (ticket, _) = await _app.ReadAsync((await BodyAsync(opened)).GetProperty("protocol").GetString()!);
        Assert.DoesNotContain(ticket.GetProperty("messages").EnumerateArray(), m => m.GetProperty("direction").GetString() == "outbound");
        await Task.Delay(500, Ct);
        Assert.Empty(_app.SentMail());
    }

    [Fact]
    public async Task A_supervisor_discards_a_held_message_with_a_reason_and_a_second_decision_is_refused()
    {
        using var _ = await _app.PostEmailAsync(Emails.Plain("discard-1@news.gov.br", extraHeaders: "Precedence: bulk\r\n"));
        var id = Assert.Single(await HeldAsync()).GetProperty("id").GetString();

        using var noReason = await _app.Staff().PostAsJsonAsync($"/api/mailbox/held/{id}/discard", new { reason = " " }, Ct);
        using var discarded = await _app.Staff(user: "sup.ana").PostAsJsonAsync($"/api/mailbox/held/{id}/discard", new { reason = "Boletim informativo." }, Ct);
        using var late = await _app.Staff().PostAsJsonAsync($"/api/mailbox/held/{id}/ticket", new { requesterEmail = "maria.silva@ifsp.edu.br" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await BodyAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out var _));
        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Empty(await HeldAsync());
        Assert.Empty(TicketApi.Protocols(await _app.ListAsync(string.Empty)));
    }

    [Fact]
    public async Task Only_supervisors_and_admins_see_and_decide_held_messages()
    {
        using var list = await _app.Staff("agent-l1").GetAsync(new Uri("/api/mailbox/held", UriKind.Relative), Ct);
        using var open = await _app.Staff("agent-l2").PostAsJsonAsync("/api/mailbox/held/abc/ticket", new { requesterEmail = "a@b.gov.br" }, Ct);
        using var missing = await _app.Staff().PostAsJsonAsync("/api/mailbox/held/abc/ticket", new { requesterEmail = "a@b.gov.br" }, Ct);
        using var badAddress = await _app.Staff().PostAsJsonAsync("/api/mailbox/held/abc/ticket", new { requesterEmail = "joana@intranet" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.True((await BodyAsync(badAddress)).GetProperty("errors").TryGetProperty("requesterEmail", out var _));
    }

    [Fact]
    public async Task A_delivery_report_of_an_acknowledgment_is_recorded_on_its_ticket_as_not_delivered_once()
    {
        using var created = await _app.PostEmailAsync(Emails.Plain("dsn-origin@ifsp.edu.br"));
        var protocol = (await BodyAsync(created)).GetProperty("protocol").GetString()!;
        var (ticket, _) = await _app.ReadAsync(protocol);
        var ackId = ticket.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("direction").GetString() == "outbound").GetProperty("messageId").GetString()!;

        using var report = await _app.PostEmailAsync(Emails.BounceOf("dsn-1@mx.example.gov.br", ackId));
        using var repeated = await _app.PostEmailAsync(Emails.BounceOf("dsn-1@mx.example.gov.br", ackId));

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var body = await BodyAsync(report);
        Assert.Equal("undelivered", body.GetProperty("outcome").GetString());
        Assert.Equal(protocol, body.GetProperty("protocol").GetString());
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        (ticket, _) = await _app.ReadAsync(protocol);
        var undelivered = Assert.Single(ticket.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "messageUndelivered");
        Assert.Equal(ackId, undelivered.GetProperty("data").GetProperty("messageId").GetString());
        Assert.Equal("5.1.1", undelivered.GetProperty("data").GetProperty("status").GetString());
        Assert.Empty(await HeldAsync());
    }
}
