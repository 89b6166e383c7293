using System.Net;
using System.Net.Http.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.FunctionApp.Web.Pages.Agents;
using MimeKit;

namespace Helpdesk.FunctionApp.Tests.Privacy;

/// <summary>Issue 19, section 3: the acknowledgment of an anonymous web or API request quotes nothing the caller typed
/// and is limited per recipient (<c>Intake__AcknowledgmentsPerRecipientPerDay</c>); dashboard notices are written from a
/// code, never from URL text.</summary>
public sealed class UnverifiedAcknowledgmentTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpStatusCode> OpenAsync(HttpClient client, string to, string subject, string name)
    {
        using var response = await client.PostAsJsonAsync("/api/tickets", new { subject, description = "Texto livre", requesterEmail = to, requesterName = name, channel = "webForm" }, Ct);
        return response.StatusCode;
    }

    private async Task<MimeMessage[]> MailToAsync(string to) =>
        [.. (await Task.WhenAll(_app.SentMail().Select(f => MimeMessage.LoadAsync(f, Ct)))).Where(m => m.To.Mailboxes.Any(b => b.Address == to))];

    [Fact]
    public async Task An_anonymous_request_is_acknowledged_without_the_callers_name_or_subject()
    {
        Assert.Equal(HttpStatusCode.Created, await OpenAsync(_app.Client, "vitima@ifsp.edu.br", "Clique aqui: http://golpe.example", "Banco Central"));

        await RunningApp.WaitUntilAsync(() => MailToAsync("vitima@ifsp.edu.br").Result.Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");
        var mail = (await MailToAsync("vitima@ifsp.edu.br")).Single();
        Assert.Contains("Recebemos sua solicitação", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("golpe", mail.Subject + mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Banco Central", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Se você não fez esta solicitação", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_registering_a_call_still_quote_the_subject()
    {
        Assert.Equal(HttpStatusCode.Created, await OpenAsync(_app.Staff("agent-l1", "ana"), "ligou@ifsp.edu.br", "Impressora parada", "Joana"));

        await RunningApp.WaitUntilAsync(() => MailToAsync("ligou@ifsp.edu.br").Result.Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");
        var mail = (await MailToAsync("ligou@ifsp.edu.br")).Single();
        Assert.Contains("Impressora parada", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Olá, Joana,", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_requests_get_at_most_the_daily_limit_of_acknowledgments_per_recipient()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, await OpenAsync(_app.Client, "muitos@ifsp.edu.br", "Pedido " + i, "X"));
        }

        Assert.Equal(HttpStatusCode.Created, await OpenAsync(_app.Client, "outro@ifsp.edu.br", "Pedido", "Y"));
        await RunningApp.WaitUntilAsync(() => MailToAsync("outro@ifsp.edu.br").Result.Length == 1, TimeSpan.FromSeconds(10), "the other address's acknowledgment");
        await Task.Delay(500, Ct);
        Assert.Equal(3, (await MailToAsync("muitos@ifsp.edu.br")).Length); // Intake__AcknowledgmentsPerRecipientPerDay: 3 by default
    }

    [Theory]
    [InlineData("novo", 2, 48, null, "Dados da central de atendimento importados (48 intervalos, versão 2); o fechamento e os indicadores diários passam a considerá-los.")]
    [InlineData("igual", 2, null, 3, "Dados da central de atendimento importados (arquivo idêntico à versão 2, nada mudou; o mês já estava fechado e o resumo foi republicado (versão 3)); o fechamento e os indicadores diários passam a considerá-los.")]
    [InlineData("Acesse http://golpe.example", 2, 48, null, null)]
    [InlineData("novo", null, 48, null, null)]
    public void Dashboard_import_notices_are_written_from_a_code(string code, int? version, int? intervals, int? summary, string? expected)
    {
        Assert.Equal(expected, DashboardModel.ImportNotice(code, version, intervals, summary));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_data_subject_endpoints()
    {
        var document = System.Text.Json.JsonDocument.Parse(await _app.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative), Ct)).RootElement;
        var paths = document.GetProperty("paths");

        Assert.True(paths.GetProperty("/api/requesters/{email}/data").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/requesters/{email}/anonymize").TryGetProperty("post", out var anonymize));
        Assert.Contains("AnonymizeRequest", anonymize.GetProperty("requestBody").GetRawText(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("components").GetProperty("schemas").GetProperty("AnonymizeRequest").GetProperty("properties").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task The_dashboard_never_shows_text_taken_from_the_url()
    {
        var html = await _app.Staff("supervisor").GetStringAsync(new Uri("/api/app/dashboard?importado=" + Uri.EscapeDataString("Ligue para 0800-000-0000") + "&versao=1&intervalos=3", UriKind.Relative), Ct);

        Assert.DoesNotContain("0800-000-0000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"importacao\"", html, StringComparison.Ordinal);
    }
}
