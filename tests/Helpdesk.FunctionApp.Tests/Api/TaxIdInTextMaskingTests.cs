using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Api;

/// <summary>A CPF typed into an e-mail is shown in full only to roles that need it (supervisor, admin).</summary>
public sealed class TaxIdInTextMaskingTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_cpf_inside_a_message_is_masked_for_agents_and_shown_to_supervisors()
    {
        using var created = await _app.PostEmailAsync(Emails.Plain("cpf-body@ifsp.edu.br", body: "Meu CPF é 123.456.789-09, preciso de acesso."));
        var protocol = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString();

        var asAgent = await _app.Staff("agent-l1", "ana").GetStringAsync(new Uri("/api/tickets/" + protocol, UriKind.Relative), TestContext.Current.CancellationToken);
        var asSupervisor = await _app.Staff("supervisor", "sara").GetStringAsync(new Uri("/api/tickets/" + protocol, UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await _app.Staff("agent-l1", "ana").GetStringAsync(new Uri("/api/app/tickets/" + protocol, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("123.456.789-09", asAgent, StringComparison.Ordinal);
        Assert.Contains("***.456.789-**", asAgent, StringComparison.Ordinal);
        Assert.Contains("123.456.789-09", asSupervisor, StringComparison.Ordinal);
        Assert.DoesNotContain("123.456.789-09", page, StringComparison.Ordinal);
        Assert.Contains("***.456.789-**", page, StringComparison.Ordinal);
    }
}
