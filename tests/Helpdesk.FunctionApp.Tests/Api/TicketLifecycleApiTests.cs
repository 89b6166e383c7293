using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using MimeKit;

namespace Helpdesk.FunctionApp.Tests.Api;

public sealed class TicketLifecycleApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agent_takes_classifies_escalates_and_level_2_resolves_with_every_change_in_the_history()
    {
        var protocol = await _app.OpenAsync();

        var taken = await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        Assert.Equal("open", taken.GetProperty("status").GetString());
        Assert.Equal("ana.l1", taken.GetProperty("assignee").GetString());

        await _app.DoAsync(protocol, "classify", new { category = "incident", priority = "high" }, "agent-l1", "ana.l1");
        var escalated = await _app.DoAsync(protocol, "escalate", new { reason = "Erro no banco de dados, precisa de Sistemas" }, "agent-l1", "ana.l1");
        Assert.Equal(2, escalated.GetProperty("level").GetInt32());
        Assert.Equal("systems", escalated.GetProperty("group").GetString()); // the category's level-2 group

        var resolved = await _app.DoAsync(protocol, "resolve", new { resolvedAtFirstContact = false, resolution = "Índice do banco recriado." }, "agent-l2", "bruno.l2");
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.False(resolved.GetProperty("resolvedAtFirstContact").GetBoolean());
        Assert.True(resolved.GetProperty("historyVerified").GetBoolean());

        var history = resolved.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(
            ["registered", "messageReceived", "messageSent", "assigned", "classified", "escalated", "resolved", "messageSent"],
            history.Select(e => e.GetProperty("type").GetString()));
        var escalation = history.Single(e => e.GetProperty("type").GetString() == "escalated");
        Assert.Equal("agent:ana.l1", escalation.GetProperty("actor").GetString());
        Assert.Equal("Erro no banco de dados, precisa de Sistemas", escalation.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(resolved.GetProperty("history")[5].GetProperty("hash").GetString(), resolved.GetProperty("history")[6].GetProperty("previousHash").GetString());

        // Resolved tickets carry the SLA reading of the contract's incident × high targets.
        Assert.Equal("incident", resolved.GetProperty("sla").GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_reply_is_emailed_threaded_and_the_requesters_answer_threads_back_while_a_note_is_never_emailed()
    {
        var protocol = await _app.OpenAsync(email: "carla@ifsp.edu.br");
        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");

        await _app.DoAsync(protocol, "notes", new { text = "Nota interna: verificar logs" }, "agent-l1", "ana.l1");
        var replied = await _app.DoAsync(protocol, "replies", new { text = "Poderia enviar o print do erro?" }, "agent-l1", "ana.l1");

        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 2, TimeSpan.FromSeconds(10), "the reply e-mail");
        var messages = await Task.WhenAll(_app.SentMail().Select(f => MimeMessage.LoadAsync(f, Ct)));
        var ack = messages.Single(m => (m.TextBody ?? string.Empty).Contains("Recebemos", StringComparison.Ordinal));
        var reply = messages.Single(m => m != ack);
        Assert.Contains("Poderia enviar o print do erro?", reply.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(messages, m => (m.TextBody ?? string.Empty).Contains("Nota interna", StringComparison.Ordinal));
        Assert.Contains(ack.MessageId, reply.References);
        Assert.Contains($"[Protocolo {protocol}]", reply.Subject, StringComparison.Ordinal);
        Assert.Null(reply.Headers["Auto-Submitted"]); // a person wrote it
        Assert.Equal("Nota interna: verificar logs", replied.GetProperty("notes")[0].GetProperty("text").GetString());

        var answer = Emails.Plain("answer-1@ifsp.edu.br", from: "carla@ifsp.edu.br", subject: "Re: " + reply.Subject, body: "Segue o print.",
            extraHeaders: $"In-Reply-To: <{reply.MessageId}>\r\nReferences: <{reply.MessageId}>\r\n");
        using var posted = await _app.PostEmailAsync(answer);

        var body = await posted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(protocol, body.GetProperty("protocol").GetString());
        Assert.Equal("threaded", body.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Pending_suspends_and_the_requesters_answer_resumes()
    {
        var protocol = await _app.OpenAsync(email: "davi@ifsp.edu.br");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        var pending = await _app.DoAsync(protocol, "pending", new { reason = "Aguardando print" }, "agent-l1", "ana.l1");
        Assert.Equal("pendingOnRequester", pending.GetProperty("status").GetString());

        using var posted = await _app.PostEmailAsync(Emails.Plain("davi-answer@ifsp.edu.br", from: "davi@ifsp.edu.br", subject: $"Re: [Protocolo {protocol}] Erro", body: "Segue."));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        var suspension = ticket.GetProperty("suspensions")[0];
        Assert.Equal(JsonValueKind.String, suspension.GetProperty("to").ValueKind);
    }

    [Fact]
    public async Task Resolution_emails_a_survey_link_and_an_answer_within_the_window_reopens()
    {
        var protocol = await _app.OpenAsync(email: "elisa@ifsp.edu.br");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(protocol, "resolve", new { resolvedAtFirstContact = true, resolution = "Senha redefinida." }, "agent-l1", "ana.l1");

        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 2, TimeSpan.FromSeconds(10), "the resolution e-mail");
        var messages = await Task.WhenAll(_app.SentMail().Select(f => MimeMessage.LoadAsync(f, Ct)));
        var resolution = messages.Single(m => (m.TextBody ?? string.Empty).Contains("foi resolvido", StringComparison.Ordinal));
        Assert.Matches(@"/api/surveys/[0-9a-f]{32}\." + protocol + @"\.\d+\.[A-Za-z0-9_-]+", resolution.TextBody);

        using var posted = await _app.PostEmailAsync(Emails.Plain("elisa-again@ifsp.edu.br", from: "elisa@ifsp.edu.br", subject: "Re: " + resolution.Subject, body: "Voltou a falhar.",
            extraHeaders: $"In-Reply-To: <{resolution.MessageId}>\r\n"));

        Assert.Equal("reopened", (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString());
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal("open", ticket.GetProperty("status").GetString());
        Assert.Equal(1, ticket.GetProperty("reopenCount").GetInt32());
    }

    [Fact]
    public async Task Someone_in_copy_who_answers_the_thread_neither_reopens_nor_resumes_and_leaves_an_internal_note()
    {
        var resolvedProtocol = await _app.OpenAsync(email: "gabi@ifsp.edu.br");
        await _app.DoAsync(resolvedProtocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(resolvedProtocol, "resolve", new { resolvedAtFirstContact = true, resolution = "Senha redefinida." }, "agent-l1", "ana.l1");
        var pendingProtocol = await _app.OpenAsync(email: "hugo@ifsp.edu.br");
        await _app.DoAsync(pendingProtocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(pendingProtocol, "replies", new { text = "Envie o print do erro, por favor." }, "agent-l1", "ana.l1");
        await _app.DoAsync(pendingProtocol, "pending", new { reason = "Aguardando print" }, "agent-l1", "ana.l1");
        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 4, TimeSpan.FromSeconds(10), "the resolution and the reply");
        var sent = await Task.WhenAll(_app.SentMail().Select(f => MimeMessage.LoadAsync(f, Ct)));
        var resolution = sent.Single(m => (m.TextBody ?? string.Empty).Contains("foi resolvido", StringComparison.Ordinal));
        var reply = sent.Single(m => (m.TextBody ?? string.Empty).Contains("Envie o print", StringComparison.Ordinal));

        using var reopening = await _app.PostEmailAsync(Emails.Plain("cc-1@ifsp.edu.br", from: "chefe@ifsp.edu.br", subject: "Re: " + resolution.Subject, body: "Continua com problema.",
            extraHeaders: $"In-Reply-To: <{resolution.MessageId}>\r\n"));
        using var resuming = await _app.PostEmailAsync(Emails.Plain("cc-2@ifsp.edu.br", from: "colega@ifsp.edu.br", subject: "Re: " + reply.Subject, body: "Segue o print.",
            extraHeaders: $"References: <{reply.MessageId}>\r\n"));
        using var again = await _app.PostEmailAsync(Emails.Plain("cc-1@ifsp.edu.br", from: "chefe@ifsp.edu.br", subject: "Re: " + resolution.Subject, body: "Continua com problema.",
            extraHeaders: $"In-Reply-To: <{resolution.MessageId}>\r\n"));

        Assert.Equal("noted", (await reopening.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString());
        Assert.Equal("noted", (await resuming.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString());
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString());
        var (resolved, _) = await _app.ReadAsync(resolvedProtocol);
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(0, resolved.GetProperty("reopenCount").GetInt32());
        var note = Assert.Single(resolved.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString()!;
        Assert.Contains("chefe@ifsp.edu.br", note, StringComparison.Ordinal);
        Assert.Contains("Continua com problema.", note, StringComparison.Ordinal);
        Assert.DoesNotContain(resolved.GetProperty("messages").EnumerateArray(), m => m.GetProperty("direction").GetString() == "inbound" && m.GetProperty("text").GetString()!.Contains("Continua", StringComparison.Ordinal));
        var (pending, _) = await _app.ReadAsync(pendingProtocol);
        Assert.Equal("pendingOnRequester", pending.GetProperty("status").GetString());
        Assert.Contains("Segue o print.", Assert.Single(pending.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString()!, StringComparison.Ordinal);

        // The requester herself still reopens.
        using var byRequester = await _app.PostEmailAsync(Emails.Plain("gabi-1@ifsp.edu.br", from: "gabi@ifsp.edu.br", subject: "Re: " + resolution.Subject, body: "Voltou.",
            extraHeaders: $"In-Reply-To: <{resolution.MessageId}>\r\n"));
        Assert.Equal("reopened", (await byRequester.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_answer_to_a_closed_ticket_opens_a_new_ticket_that_follows_it()
    {
        var protocol = await _app.OpenAsync(email: "fabio@ifsp.edu.br");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" });
        await _app.DoAsync(protocol, "resolve", new { resolvedAtFirstContact = true, resolution = "Feito." });
        await _app.DoAsync(protocol, "close", new { reason = "Confirmado" });

        using var posted = await _app.PostEmailAsync(Emails.Plain("fabio-late@ifsp.edu.br", from: "fabio@ifsp.edu.br", subject: $"Re: [Protocolo {protocol}] Erro", body: "Outro problema."));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var newProtocol = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
        Assert.NotEqual(protocol, newProtocol);
        var (ticket, _) = await _app.ReadAsync(newProtocol);
        Assert.Equal(protocol, ticket.GetProperty("followsProtocol").GetString());
        Assert.Equal("closed", (await _app.ReadAsync(protocol)).Ticket.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Writes_need_if_match_428_and_a_stale_etag_gets_412_without_losing_the_first_update()
    {
        var protocol = await _app.OpenAsync();
        var (_, etag) = await _app.ReadAsync(protocol);

        using var missing = await _app.ActAsync(protocol, "notes", new { text = "sem etag" }, etag: null);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        await TicketApi.ProblemAsync(missing);

        using var first = await _app.ActAsync(protocol, "notes", new { text = "primeira" }, etag);
        using var second = await _app.ActAsync(protocol, "notes", new { text = "segunda, com a ETag velha" }, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        await TicketApi.ProblemAsync(second);
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal(["primeira"], ticket.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_etag_never_both_win()
    {
        var protocol = await _app.OpenAsync();
        var (_, etag) = await _app.ReadAsync(protocol);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _app.ActAsync(protocol, "notes", new { text = "nota " + i }, etag)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal(1, ticket.GetProperty("notes").GetArrayLength());
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task An_illegal_move_is_a_409_problem_with_a_stable_code_and_bad_input_a_400_naming_the_field()
    {
        var protocol = await _app.OpenAsync();
        var (_, etag) = await _app.ReadAsync(protocol);

        using var illegal = await _app.ActAsync(protocol, "close", new { reason = "fechar" }, etag);
        using var noReason = await _app.ActAsync(protocol, "escalate", new { group = "network" }, etag);
        using var badGroup = await _app.ActAsync(protocol, "escalate", new { group = "service-desk", reason = "x" }, etag);

        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);
        Assert.EndsWith("ticket.transition.illegal", (await TicketApi.ProblemAsync(illegal)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badGroup.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(badGroup)).GetProperty("errors").TryGetProperty("group", out _));
        Assert.Equal(etag, (await _app.ReadAsync(protocol)).ETag); // nothing was written
    }

    [Fact]
    public async Task Merging_a_duplicate_ends_it_and_links_both_and_later_mail_to_it_goes_to_the_survivor()
    {
        var survivor = await _app.OpenAsync(email: "gil@ifsp.edu.br");
        var duplicate = await _app.OpenAsync(email: "gil@ifsp.edu.br");

        var merged = await _app.DoAsync(duplicate, "merge", new { into = survivor, reason = "Mesmo pedido" }, "agent-l2", "bruno.l2");

        Assert.Equal("merged", merged.GetProperty("status").GetString());
        Assert.Equal(survivor, merged.GetProperty("mergedInto").GetString());
        var (target, _) = await _app.ReadAsync(survivor);
        Assert.Equal([duplicate], target.GetProperty("duplicates").EnumerateArray().Select(d => d.GetString()));

        using var posted = await _app.PostEmailAsync(Emails.Plain("gil-more@ifsp.edu.br", from: "gil@ifsp.edu.br", subject: $"Re: [Protocolo {duplicate}] mais", body: "Mais dados."));
        Assert.Equal(survivor, (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task Cancelling_is_for_supervisors_only()
    {
        var protocol = await _app.OpenAsync();
        var (_, etag) = await _app.ReadAsync(protocol);

        using var byAgent = await _app.ActAsync(protocol, "cancel", new { reason = "engano" }, etag, "agent-l2");
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        await TicketApi.ProblemAsync(byAgent);

        var cancelled = await _app.DoAsync(protocol, "cancel", new { reason = "engano" }, "supervisor");
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
    }
}
