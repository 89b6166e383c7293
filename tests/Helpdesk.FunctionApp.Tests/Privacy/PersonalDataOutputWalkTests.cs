using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Application.Survey;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Privacy;

/// <summary>
/// Issue 19, section 1: one masked view of a ticket for every output. A ticket whose subject, requester name, body, survey
/// comment and external hand-off reference all carry a CPF and an e-mail address is read through every output (JSON API,
/// list rows, history data, pages, audit and finance exports, the Teams card) by every role, and the text search is tried
/// with what each role may not see.
/// </summary>
public sealed class PersonalDataOutputWalkTests : IAsyncLifetime
{
    private const string Cpf = "529.982.247-25";
    private const string CpfMasked = "***.982.247-**";
    private const string Email = "maria.walk@gmail.com";
    private const string EmailMasked = "m***@gmail.com";
    private const string Requester = "titular.lgpd@ifrs.edu.br";
    private const string RequesterMasked = "t***@ifrs.edu.br";
    private const string RequesterTaxId = "123.456.789-09";

    private static readonly string[] AllRoles = ["agent-l1", "agent-l2", "supervisor", "finance", "admin", "auditor"];

    private RunningApp _app = null!;
    private string _protocol = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await RunningApp.StartAsync();
        // Registered by staff (a phone call): since issue 17 only staff record a CPF/CNPJ.
        using var created = await _app.Staff("agent-l1", "ana.l1").PostAsJsonAsync("/api/tickets", new
        {
            subject = $"Acesso negado {Cpf} {Email}",
            description = $"Meu CPF é {Cpf}; respondam em {Email}.",
            requesterEmail = Requester,
            requesterName = $"Maria {Cpf} {Email}",
            requesterTaxId = RequesterTaxId,
            channel = "phone",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        _protocol = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
        await _app.DoAsync(_protocol, "escalate", new { group = "systems", reason = "Erro no sistema" }, "agent-l1", "ana.l1");
        await _app.DoAsync(_protocol, "forward", new { team = "production-support", reference = $"INC {Cpf} {Email}", reason = "Erro ao gravar" }, "agent-l2", "bruno.l2");
        await _app.DoAsync(_protocol, "external-return", new { note = "Corrigido" }, "agent-l2", "bruno.l2");
        var resolved = await _app.DoAsync(_protocol, "resolve", new { resolvedAtFirstContact = false, resolution = "Acesso liberado." }, "agent-l2", "bruno.l2");
        var links = _app.Service<SurveyLinks>();
        var token = links.CreateToken(TicketId.Parse(resolved.GetProperty("id").GetString()!), ProtocolNumber.TryParse(_protocol, out var p) ? p : default, DateTimeOffset.UtcNow.AddDays(5));
        using var rated = await _app.Client.PostAsync(
            new Uri("/api/surveys/" + token, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["score"] = "9", ["comment"] = $"Ótimo. CPF {Cpf}, {Email}" }),
            Ct);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private enum Sees
    {
        Everything,
        AddressesOnly,
        Nothing,
    }

    private static Sees ViewOf(string role) => role switch
    {
        "supervisor" or "admin" or "auditor" => Sees.Everything,
        "agent-l1" or "agent-l2" => Sees.AddressesOnly,
        _ => Sees.Nothing,
    };

    /// <summary>What <paramref name="view"/> may and may not find in an output.</summary>
    private static void AssertShownAs(Sees view, string output, string what)
    {
        if (view == Sees.Everything)
        {
            Assert.True(output.Contains(Cpf, StringComparison.Ordinal), $"{what}: the CPF should be shown in full");
            Assert.True(output.Contains(Email, StringComparison.Ordinal), $"{what}: the e-mail should be shown in full");
            return;
        }

        Assert.False(output.Contains(Cpf, StringComparison.Ordinal), $"{what}: the CPF leaks");
        Assert.False(output.Contains("52998224725", StringComparison.Ordinal), $"{what}: the CPF's digits leak");
        Assert.True(output.Contains(CpfMasked, StringComparison.Ordinal), $"{what}: the masked CPF should be shown");
        if (view == Sees.AddressesOnly)
        {
            Assert.True(output.Contains(Email, StringComparison.Ordinal), $"{what}: the e-mail should be shown in full");
        }
        else
        {
            Assert.False(output.Contains(Email, StringComparison.Ordinal), $"{what}: the e-mail leaks");
            Assert.False(output.Contains(Requester, StringComparison.Ordinal), $"{what}: the requester's address leaks");
            Assert.True(output.Contains(EmailMasked, StringComparison.Ordinal), $"{what}: the masked e-mail should be shown");
        }
    }

    [Fact]
    public async Task The_json_api_masks_every_personal_field_and_the_history_data_for_each_role()
    {
        foreach (var role in AllRoles)
        {
            var view = ViewOf(role);
            var (ticket, _) = await _app.ReadAsync(_protocol, role);
            AssertShownAs(view, ticket.GetRawText(), role + " ticket JSON");
            AssertShownAs(view, ticket.GetProperty("subject").GetString()!, role + " subject");
            AssertShownAs(view, ticket.GetProperty("requesterName").GetString()!, role + " requesterName");
            AssertShownAs(view, ticket.GetProperty("messages")[0].GetProperty("text").GetString()!, role + " first message");
            AssertShownAs(view, ticket.GetProperty("rating").GetProperty("comment").GetString()!, role + " survey comment");
            AssertShownAs(view, ticket.GetProperty("externalHandOffs")[0].GetProperty("reference").GetString()!, role + " hand-off reference");
            var registered = ticket.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "registered").GetProperty("data");
            AssertShownAs(view, registered.GetProperty("requesterName").GetString()!, role + " registered event's name");
            Assert.Equal(view == Sees.Everything ? RequesterTaxId : "***.456.789-**", ticket.GetProperty("requesterTaxId").GetString());
            Assert.Equal(view == Sees.Nothing ? RequesterMasked : Requester, ticket.GetProperty("requesterEmail").GetString());
            Assert.True(ticket.GetProperty("historyVerified").GetBoolean(), role + ": the stored chain still verifies");
        }
    }

    [Fact]
    public async Task List_rows_and_pages_show_the_same_masked_view()
    {
        foreach (var role in AllRoles)
        {
            var view = ViewOf(role);
            var list = await _app.ListAsync("status=resolved", role);
            var row = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("protocol").GetString() == _protocol);
            AssertShownAs(view, row.GetProperty("subject").GetString()! + " " + row.GetProperty("requesterName").GetString(), role + " list row");

            var page = await _app.Staff(role).GetStringAsync(new Uri("/api/app/tickets/" + _protocol, UriKind.Relative), Ct);
            AssertShownAs(view, WebUtility.HtmlDecode(page), role + " ticket page");
            var listPage = await _app.Staff(role).GetStringAsync(new Uri("/api/app/tickets?view=all&status=any", UriKind.Relative), Ct);
            Assert.Contains(_protocol, listPage, StringComparison.Ordinal);
            Assert.DoesNotContain(view == Sees.Everything ? "no-such-text" : Cpf, WebUtility.HtmlDecode(listPage), StringComparison.Ordinal);
            if (view == Sees.Nothing)
            {
                Assert.DoesNotContain(Requester, WebUtility.HtmlDecode(listPage), StringComparison.Ordinal);
                Assert.DoesNotContain(Email, WebUtility.HtmlDecode(listPage), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_text_search_only_matches_what_the_searcher_may_see()
    {
        foreach (var role in AllRoles)
        {
            var view = ViewOf(role);
            // "529" is the part of the CPF the masked form hides; "lgpd" and "walk" are the local parts of the addresses.
            var byHiddenDigits = TicketApi.Protocols(await _app.ListAsync("status=resolved&text=529", role));
            var byAddress = TicketApi.Protocols(await _app.ListAsync("status=resolved&text=walk", role));
            var byRequester = TicketApi.Protocols(await _app.ListAsync("status=resolved&text=lgpd", role));
            var byVisible = TicketApi.Protocols(await _app.ListAsync("status=resolved&text=negado", role));

            Assert.Contains(_protocol, byVisible);
            Assert.Equal(view == Sees.Everything, byHiddenDigits.Contains(_protocol));
            Assert.Equal(view != Sees.Nothing, byAddress.Contains(_protocol));
            Assert.Equal(view != Sees.Nothing, byRequester.Contains(_protocol));
        }
    }

    [Fact]
    public async Task Exports_and_the_teams_card_show_the_masked_view()
    {
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-3));
        var range = $"from={today.AddDays(-2):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        foreach (var role in new[] { "supervisor", "auditor" })
        {
            using var records = await _app.Staff(role).GetAsync(new Uri("/api/audit/records?format=csv&" + range, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, records.StatusCode);
            AssertShownAs(ViewOf(role), await records.Content.ReadAsStringAsync(Ct), role + " audit records");
        }

        foreach (var role in new[] { "finance", "supervisor" })
        {
            using var export = await _app.Staff(role).GetAsync(new Uri("/api/exports/tickets?month=" + month, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var text = await export.Content.ReadAsStringAsync(Ct);
            Assert.Contains(_protocol, text, StringComparison.Ordinal);
            Assert.DoesNotContain("52998224725", text.Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        }

        var folder = Path.Combine(_app.DataDirectory, "teams");
        await RunningApp.WaitUntilAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder).Length > 0, TimeSpan.FromSeconds(10), "the escalation's Teams card");
        foreach (var card in Directory.GetFiles(folder))
        {
            // The card's texts are Markdown-escaped ("\*\*\*\."): compare the text a reader sees.
            var texts = Strings(System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(card, Ct)));
            AssertShownAs(Sees.Nothing, string.Join(' ', texts).Replace("\\", "", StringComparison.Ordinal), "Teams card");
        }
    }

    private static IEnumerable<string> Strings(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => Strings(p.Value)),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany(Strings),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
