using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.AzureMode.Tests.Support;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Hosting.Metadata;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.AzureMode.Tests;

/// <summary>
/// The serverless pipeline, start to finish, in the Azure topology of <see cref="AzureTopology"/>: every step goes
/// through the host driver to the packaged handler, and each is asserted and timed (the table is sent as a diagnostic
/// message, written to the test output and to <c>{temp}/helpdesk-azure-mode/timings.md</c>).
/// </summary>
public sealed class PipelineScenarioTests(AzureTopology topology) : IClassFixture<AzureTopology>
{
    private const string Requester = "maria.silva@ifsp.edu.br";
    private readonly List<(string Step, TimeSpan Took)> _timings = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HostDriver Driver => topology.Driver;

    private GraphStandIn Graph => topology.Graph;

    [Fact]
    public async Task Mail_to_ticket_to_escalation_to_teams_to_finance_to_dead_letter()
    {
        try
        {
            await RunAsync();
        }
        catch
        {
            Diagnose();
            throw;
        }
        finally
        {
            Report();
        }
    }

    private async Task RunAsync()
    {
        // 1. The first subscription, created at start-up through Graph's validation handshake (reaching the webhook via the host).
        await StepAsync("Graph validation handshake (subscription created at start-up)", async () =>
        {
            await WaitUntilAsync(() => Graph.Subscriptions.Count == 1, "the start-up subscription");
            var subscription = Assert.Single(Graph.Subscriptions);
            Assert.Equal(AzureTopology.NotificationUrl, (string?)subscription["notificationUrl"]);
            Assert.Equal(AzureTopology.ClientState, (string?)subscription["clientState"]);
            Assert.Contains(Graph.Calls, c => c.Method == "POST" && c.PathAndQuery == "/v1.0/subscriptions" && c.Prefer == "IdType=\"ImmutableId\"");
            Assert.True(Driver.Invoked.GetValueOrDefault("GraphNotifications") >= 1); // the handshake went through the host
            using var echo = await SendAsync(HttpMethod.Post, "/api/graph/notifications?validationToken=abc%20123", null);
            Assert.Equal("abc 123", await echo.Content.ReadAsStringAsync(Ct));
        });

        // 2. A created notification → the ticket → the acknowledgment through Graph.
        var messageId = Graph.Deliver("first-1@ifsp.edu.br", Requester, "Não consigo emitir o diploma", "Bom dia, o sistema de diplomas mostra erro 500.");
        var notification = GraphStandIn.Notification(messageId, AzureTopology.ClientState);
        await StepAsync("created notification accepted (202)", async () =>
        {
            using var response = await SendAsync(HttpMethod.Post, "/api/graph/notifications", JsonContent(notification));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        });

        await StepAsync("outbox → change feed → graph-notifications → ProcessGraphNotification", async () =>
        {
            Assert.True(await Driver.RunUntilQuietAsync(Ct) > 0);
            Assert.True(Driver.Invoked.GetValueOrDefault("ProcessGraphNotification") >= 1);
        });

        GraphSentMail acknowledgment = null!;
        string protocol = null!;
        await StepAsync("acknowledgment sent through Graph to the sender, quoting the protocol", () =>
        {
            acknowledgment = Assert.Single(Graph.Sent);
            Assert.Equal(Requester, acknowledgment.To);
            Assert.Equal(messageId, acknowledgment.ReplyToMessageId); // drafted with createReply in the sender's thread
            protocol = AzureTopology.QuotedProtocol(acknowledgment.Subject + " " + acknowledgment.Text) ?? throw new Xunit.Sdk.XunitException("no protocol quoted: " + acknowledgment.Text);
            Assert.Contains(protocol, acknowledgment.Text, StringComparison.Ordinal);
            return Task.CompletedTask;
        });

        string ticketId = null!;
        await StepAsync("ticket in Cosmos DB", async () =>
        {
            var ticket = await ReadTicketAsync(protocol);
            Assert.Equal(Requester, ticket.GetProperty("requesterEmail").GetString());
            ticketId = ticket.GetProperty("id").GetString()!;
            using var item = await topology.Tickets.ReadItemStreamAsync(ticketId, new PartitionKey(ticketId), cancellationToken: Ct);
            Assert.Equal(HttpStatusCode.OK, item.StatusCode);
            var document = await JsonDocument.ParseAsync(item.Content, cancellationToken: Ct);
            Assert.Equal(protocol, document.RootElement.GetProperty("protocol").GetString());
            Assert.Equal("ticket", document.RootElement.GetProperty("type").GetString());
        });

        // 3. The same notification again (Graph retries): nothing changes, the message is not fetched again.
        await StepAsync("the same notification again changes nothing", async () =>
        {
            var before = (await ReadTicketAsync(protocol)).GetProperty("history").GetArrayLength();
            using var again = await SendAsync(HttpMethod.Post, "/api/graph/notifications", JsonContent(notification));
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            await Driver.RunUntilQuietAsync(Ct);
            Assert.Single(Graph.Sent);
            Assert.Equal(before, (await ReadTicketAsync(protocol)).GetProperty("history").GetArrayLength());
            Assert.Single(Graph.Calls, c => c.Method == "GET" && c.PathAndQuery.StartsWith($"/v1.0/users/{GraphStandIn.Mailbox}/messages/{messageId}?", StringComparison.Ordinal));
        });

        // 4. The requester answers the acknowledgment: the reply threads onto the ticket.
        await StepAsync("the requester's reply threads in", async () =>
        {
            var reply = Graph.Deliver("reply-1@ifsp.edu.br", Requester, "RE: " + acknowledgment.Subject, "Segue o print do erro.", inReplyTo: acknowledgment.InternetMessageId, references: ["<first-1@ifsp.edu.br>", acknowledgment.InternetMessageId]);
            using var response = await SendAsync(HttpMethod.Post, "/api/graph/notifications", JsonContent(GraphStandIn.Notification(reply, AzureTopology.ClientState)));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Driver.RunUntilQuietAsync(Ct);
            var history = (await ReadTicketAsync(protocol)).GetProperty("history").EnumerateArray().ToList();
            Assert.Equal(2, history.Count(e => e.GetProperty("type").GetString() == "messageReceived"));
            Assert.All(Graph.Sent, sent => Assert.Contains(protocol, sent.Subject + " " + sent.Text, StringComparison.Ordinal)); // no other ticket was opened
        });

        // 4b. Attachments (issue 20): a Graph message with files becomes a ticket listing them, with the blocked one refused;
        // the bytes download identical (content store on Azurite) as attachments; a reply's file goes out through Graph.
        await StepAsync("a Graph message with files: kept, listed, downloaded identical; a reply with a file sent through Graph", async () =>
        {
            GraphStandInFile[] files =
            [
                new("relatório técnico.pdf", "application/pdf", "%PDF-1.4 relatório"u8.ToArray()),
                new("tela.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7]),
                new("image001.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9], IsInline: true, ContentId: "image001.png@01DB"),
                new("pagina.html", "text/html", "<script>alert(1)</script>"u8.ToArray()),
                new("setup.exe", "application/octet-stream", [0x4D, 0x5A, 0x90, 0x00]),
            ];
            var withFiles = Graph.Deliver("files-1@ifsp.edu.br", "carlos@ifsp.edu.br", "Prints do erro", "Segue.", files: files, html: "<p>Segue <img src=\"cid:image001.png@01DB\"></p>");
            using var response = await SendAsync(HttpMethod.Post, "/api/graph/notifications", JsonContent(GraphStandIn.Notification(withFiles, AzureTopology.ClientState)));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await Driver.RunUntilQuietAsync(Ct);
            var ack = Assert.Single(Graph.Sent, m => m.To == "carlos@ifsp.edu.br");
            Assert.Contains("setup.exe: tipo de arquivo bloqueado", ack.Text, StringComparison.Ordinal);
            var filesProtocol = AzureTopology.QuotedProtocol(ack.Subject) ?? throw new Xunit.Sdk.XunitException("no protocol: " + ack.Subject);
            var message = (await ReadTicketAsync(filesProtocol)).GetProperty("messages")[0];
            var kept = message.GetProperty("attachments").EnumerateArray().ToList();
            Assert.Equal(["relatório técnico.pdf", "tela.png", "image001.png", "pagina.html"], kept.Select(a => a.GetProperty("name").GetString()));
            Assert.Equal("setup.exe", Assert.Single(message.GetProperty("refusedAttachments").EnumerateArray()).GetProperty("name").GetString());
            foreach (var (file, sent) in kept.Zip(files))
            {
                using var download = await SendAsync(HttpMethod.Get, $"/api/tickets/{filesProtocol}/attachments/{file.GetProperty("id").GetString()}", null, "agent-l1", "ana.l1");
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                var bytes = await download.Content.ReadAsByteArrayAsync(Ct);
                Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(sent.Bytes)), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
                Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
                Assert.StartsWith("attachment; filename=", string.Join(", ", download.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
                Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
                Assert.StartsWith("sandbox", Assert.Single(download.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            }

            var blob = topology.Blobs.GetBlobContainerClient("content").GetBlobClient("sha256/" + kept[0].GetProperty("sha256").GetString());
            Assert.True((await blob.ExistsAsync(Ct)).Value); // the content store is the Blob "content" container

            using var form = new MultipartFormDataContent { { new ByteArrayContent("Passo a passo."u8.ToArray()), "files", "instruções.txt" } };
            using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tickets/{filesProtocol}/uploads", UriKind.Relative)) { Content = form };
            upload.Headers.Add("X-MS-CLIENT-PRINCIPAL", RunningApp.AppServicePrincipal("ana.l1", "agent-l1"));
            upload.Headers.Add("X-Requested-With", "fetch");
            using var uploaded = await Driver.SendAsync(upload, Ct);
            var uploadBody = await uploaded.Content.ReadAsStringAsync(Ct);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Created, uploadBody);
            var contentId = JsonDocument.Parse(uploadBody).RootElement.GetProperty("uploads")[0].GetProperty("contentId").GetString();
            await ActAsync(filesProtocol, "replies", new { text = "Segue o passo a passo.", attachments = new[] { new { contentId, name = "instruções.txt", contentType = "text/plain" } } }, "agent-l1", "ana.l1");
            await Driver.RunUntilQuietAsync(Ct);
            var reply = Assert.Single(Graph.Sent, m => m.To == "carlos@ifsp.edu.br" && m.Attachments.Count > 0);
            var attached = Assert.Single(reply.Attachments);
            Assert.Equal("instruções.txt", attached.Name);
            Assert.Equal("Passo a passo."u8.ToArray(), attached.Bytes);
        });

        // 5. An agent (App Service principal header) escalates; the change feed carries it to RouteEscalation and Teams.
        await StepAsync("an agent escalates (App Service principal)", async () =>
        {
            await PutAsync("/api/groups/systems/members/bruno.l2", new { available = true }, "supervisor", "sara");
            await ActAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
            await ActAsync(protocol, "classify", new { category = "incident", priority = "high" }, "agent-l1", "ana.l1");
            var escalated = await ActAsync(protocol, "escalate", new { reason = "Erro 500 ao emitir diploma, precisa de Sistemas" }, "agent-l1", "ana.l1");
            Assert.Equal(2, escalated.GetProperty("level").GetInt32());
        });

        await StepAsync("change feed → escalations → RouteEscalation assigns level 2", async () =>
        {
            await Driver.RunUntilQuietAsync(Ct);
            Assert.True(Driver.Invoked.GetValueOrDefault("RouteEscalation") >= 1);
            var ticket = await ReadTicketAsync(protocol);
            Assert.Equal("bruno.l2", ticket.GetProperty("assignee").GetString());
            Assert.Contains(ticket.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "escalationRouted");
        });

        await StepAsync("teams-notifications → NotifyTeams → the card reaches the webhook", () =>
        {
            Assert.True(Driver.Invoked.GetValueOrDefault("NotifyTeams") >= 1);
            var card = Assert.Single(topology.Teams.Cards, c => c.Contains(protocol, StringComparison.Ordinal));
            Assert.Contains("bruno.l2", card, StringComparison.Ordinal);
            return Task.CompletedTask;
        });

        // 6. Timers.
        await StepAsync("SweepDeadlines alerts on the late ticket", async () =>
        {
            var cards = topology.Teams.Cards.Count;
            var logs = await Driver.FireTimerAsync("SweepDeadlines", Ct);
            await Driver.RunUntilQuietAsync(Ct);
            Assert.True(topology.Teams.Cards.Skip(cards).Any(c => c.Contains(topology.LateProtocol, StringComparison.Ordinal)), $"no card for {topology.LateProtocol}; sweep: {string.Join(" | ", logs)}");
        });

        await StepAsync("DailyIndicators stores yesterday's figures", async () =>
        {
            var logs = await Driver.FireTimerAsync("DailyIndicators", Ct);
            Assert.NotEmpty(logs);
            var month = DateTime.UtcNow.AddHours(-3).AddDays(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            using var daily = await SendAsync(HttpMethod.Get, $"/api/exports/daily-indicators?month={month}", null, "finance", "fabia.fin");
            Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
            Assert.NotEmpty((await daily.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        });

        await StepAsync("MonthlyClosing writes the finance files to Azurite (XLSX opened)", async () =>
        {
            var logs = await Driver.FireTimerAsync("MonthlyClosing", Ct);
            var month = new DateTime(DateTime.UtcNow.AddHours(-3).Year, DateTime.UtcNow.AddHours(-3).Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Assert.Contains(logs, l => l.Contains($"month {month} closed", StringComparison.Ordinal));
            var container = topology.Blobs.GetBlobContainerClient("reports");
            var names = new List<string>();
            await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"finance/default/{month}/", Ct))
            {
                names.Add(blob.Name);
            }

            Assert.Contains(names, n => n.EndsWith(".json", StringComparison.Ordinal));
            Assert.Contains(names, n => n.EndsWith(".csv", StringComparison.Ordinal));
            var xlsx = names.Single(n => n.EndsWith("assessment.xlsx", StringComparison.Ordinal));
            var content = (await container.GetBlobClient(xlsx).DownloadContentAsync(Ct)).Value.Content.ToArray();
            var registered = Spreadsheets.ReadSheet(content, "Indicadores").Single(r => r[0] == "4");
            var lateInMonth = Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock.ToLocal(topology.LateOpenedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture) == month ? 1 : 0;
            Assert.Equal(AzureTopology.NovemberTickets + lateInMonth, decimal.Parse(registered[3], CultureInfo.InvariantCulture)); // the web-form tickets received that month
        });

        // 7. More than 1,000 protocol numbers in the year: second query pages, through the header-adding proxy.
        await StepAsync($"a year with over 1,000 tickets: AccountProtocolNumbers and /api/audit/protocols", async () =>
        {
            Assert.Equal(HttpStatusCode.InternalServerError, await topology.SeedYearAsync()); // the stand-in alone cannot page
            var annotated = topology.Proxy.Annotated;
            var logs = await Driver.FireTimerAsync("AccountProtocolNumbers", Ct);
            Assert.Contains($"{topology.Year}: every number accounted for", logs);
            using var continuity = await SendAsync(HttpMethod.Get, $"/api/audit/protocols?year={topology.Year}", null, "auditor", "aud");
            var body = await continuity.Content.ReadAsStringAsync(Ct);
            Assert.True(continuity.StatusCode == HttpStatusCode.OK, body);
            var report = JsonDocument.Parse(body).RootElement;
            Assert.True(report.GetProperty("tickets").GetInt32() > 1_000, body[..Math.Min(body.Length, 300)]);
            Assert.Empty(report.GetProperty("gaps").EnumerateArray());
            Assert.True(topology.Proxy.Annotated > annotated);
        });

        // 8. A poison message exhausts its deliveries and is dead-lettered.
        await StepAsync("a poison message is dead-lettered after maxDeliveryCount", async () =>
        {
            Driver.Enqueue("graph-notifications", "isto não é uma notificação");
            await Driver.RunUntilQuietAsync(Ct);
            var dead = Assert.Single(Driver.DeadLetters("graph-notifications"));
            Assert.Equal(Driver.MaxDeliveryCount, dead.DeliveryCount);
            Assert.Equal(0, Driver.Pending("graph-notifications"));
        });

        // 9. The rest of the catalogue, so that every function is invoked through the driver at least once.
        await StepAsync("every other function of the catalogue, once", async () =>
        {
            foreach (var timer in new[] { "AvailabilityProbe", "RenewGraphSubscription", "SettleJustifications" })
            {
                await Driver.FireTimerAsync(timer, Ct);
            }

            // Issue 19: nothing here is past the five-year retention, so the timer erases nothing.
            Assert.Contains("personal data of 0 ended ticket(s) past their retention erased", await Driver.FireTimerAsync("EraseExpiredPersonalData", Ct));

            Assert.Single(Graph.Subscriptions); // the renewal timer keeps the start-up subscription
            foreach (var (path, role) in new (string, string?)[]
            {
                ("/api/health", null), ("/api/openapi.json", null), ("/api/me", "agent-l1"), ("/api/catalogue", "agent-l1"), ("/api/kb/articles", "agent-l1"),
                ("/api/institutions", "supervisor"), ("/api/deadletters", "supervisor"), ("/api/exports/tickets?month=2026-11", "finance"), ("/api/imports/call-centre?month=2026-11", "finance"),
                ("/api/justifications?month=2026-11", "finance"), ("/api/surveys/nao-e-um-token", null), ("/api/app/", null),
                ("/api/mailbox/held", "supervisor"), ("/api/requesters/ninguem%40ifsp.edu.br/data", "dpo"),
            })
            {
                using var response = await SendAsync(HttpMethod.Get, path, null, role, role is null ? null : role + ".user");
                Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
            }

            using var mail = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/mailbox/messages", UriKind.Relative)) { Content = new StringContent(Emails(), Encoding.UTF8, "message/rfc822") };
            mail.Headers.Add("x-functions-key", "the-mailbox-function-key");
            using var received = await Driver.SendAsync(mail, Ct);
            Assert.True((int)received.StatusCode < 500, $"mailbox: {(int)received.StatusCode}");
            await Driver.RunUntilQuietAsync(Ct);

            var package = Driver.Functions.Order(StringComparer.Ordinal).ToList();
            Assert.Equal(FunctionCatalog.All.Select(f => f.Name).Order(StringComparer.Ordinal), package);
            Assert.DoesNotContain(package, f => Driver.Invoked.GetValueOrDefault(f) == 0);
        });
    }

    private static string Emails() =>
        "From: Joana <joana@ifsp.edu.br>\r\nTo: suporte@contoso.gov.br\r\nSubject: Pedido por e-mail\r\nMessage-ID: <mailbox-1@ifsp.edu.br>\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBom dia, preciso de acesso.\r\n";

    private async Task StepAsync(string step, Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await action();
        }
        finally
        {
            _timings.Add((step, watch.Elapsed));
        }
    }

    private void Report()
    {
        var table = new StringBuilder().AppendLine("| step | seconds |").AppendLine("|---|---:|");
        foreach (var (step, took) in topology.SetUp.Concat(_timings))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {took.TotalSeconds:F2} |");
        }

        TestContext.Current.SendDiagnosticMessage("Azure-mode scenario timings\n{0}", table.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine(table.ToString());
        var file = Path.Combine(Path.GetTempPath(), "helpdesk-azure-mode", "timings.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, table.ToString());
    }

    /// <summary>What a failure needs: the invocations, the dead letters and the handler's last lines.</summary>
    private void Diagnose()
    {
        {
            TestContext.Current.TestOutputHelper?.WriteLine("invoked: " + string.Join(", ", Driver.Invoked.Select(p => $"{p.Key}={p.Value}")));
            foreach (var queue in new[] { "outbound-mail", "escalations", "graph-notifications", "teams-notifications" })
            {
                foreach (var dead in Driver.DeadLetters(queue))
                {
                    TestContext.Current.TestOutputHelper?.WriteLine($"dead letter on {queue}: {dead.LastError}");
                }
            }

            TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', Driver.ProcessOutput.TakeLast(80)));
        }
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? role = null, string? user = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (role is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", RunningApp.AppServicePrincipal(user ?? role + ".user", role));
        }

        return await Driver.SendAsync(request, Ct);
    }

    private async Task<JsonElement> ReadTicketAsync(string protocol)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/tickets/" + protocol, null, "supervisor", "sara");
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"ticket {protocol}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task PutAsync(string path, object body, string role, string user)
    {
        using var response = await SendAsync(HttpMethod.Put, path, System.Net.Http.Json.JsonContent.Create(body), role, user);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task<JsonElement> ActAsync(string protocol, string verb, object body, string role, string user)
    {
        using var read = await SendAsync(HttpMethod.Get, "/api/tickets/" + protocol, null, role, user);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tickets/{protocol}/{verb}", UriKind.Relative)) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", RunningApp.AppServicePrincipal(user, role));
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        using var response = await Driver.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{verb}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what + " did not happen within 60 s");
            await Task.Delay(50, Ct);
        }
    }
}
