using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Api;

public sealed class IdentityApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> ProductionSettings = new() { ["Survey:SigningKey"] = "a-test-survey-key-of-at-least-32-characters" };

    private static string EasyAuthPrincipal(string userId, params string[] roles) => RunningApp.AppServicePrincipal(userId, roles);

    [Theory]
    [InlineData("/api/tickets")]
    [InlineData("/api/tickets/20260000001")]
    [InlineData("/api/kb")]
    [InlineData("/api/catalogue")]
    [InlineData("/api/institutions")]
    [InlineData("/api/me")]
    public async Task Without_an_identity_agent_endpoints_answer_401_problem_details_not_data(string path)
    {
        await using var app = await RunningApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await TicketApi.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_development_role_is_401_and_finance_reads_but_cannot_act()
    {
        await using var app = await RunningApp.StartAsync();
        var protocol = await app.OpenAsync();

        using var unknown = await app.Staff("root").GetAsync(new Uri("/api/tickets", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        var (_, etag) = await app.ReadAsync(protocol, "finance");
        using var act = await app.ActAsync(protocol, "notes", new { text = "x" }, etag, "finance");
        Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);
        await TicketApi.ProblemAsync(act);
    }

    [Fact]
    public async Task A_level_1_agent_cannot_act_on_an_escalated_ticket_but_level_2_can()
    {
        await using var app = await RunningApp.StartAsync();
        var protocol = await app.OpenAsync();
        await app.DoAsync(protocol, "escalate", new { group = "network", reason = "Roteador" }, "agent-l1", "ana.l1");
        var (_, etag) = await app.ReadAsync(protocol, "agent-l1");

        using var byL1 = await app.ActAsync(protocol, "notes", new { text = "x" }, etag, "agent-l1");
        using var byL2 = await app.ActAsync(protocol, "notes", new { text = "x" }, etag, "agent-l2");

        Assert.Equal(HttpStatusCode.Forbidden, byL1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byL2.StatusCode);
    }

    [Fact]
    public async Task An_auditor_reads_tickets_but_works_none()
    {
        await using var app = await RunningApp.StartAsync();
        var protocol = await app.OpenAsync();
        var (_, etag) = await app.ReadAsync(protocol, "auditor");

        using var note = await app.ActAsync(protocol, "notes", new { text = "x" }, etag, "auditor");

        Assert.Equal(HttpStatusCode.Forbidden, note.StatusCode);
    }

    [Theory]
    [InlineData("supervisor", "529.982.247-25", "ana.lima@ifrs.edu.br")]
    [InlineData("admin", "529.982.247-25", "ana.lima@ifrs.edu.br")]
    [InlineData("agent-l1", "***.982.247-**", "ana.lima@ifrs.edu.br")]
    [InlineData("agent-l2", "***.982.247-**", "ana.lima@ifrs.edu.br")]
    [InlineData("finance", "***.982.247-**", "a***@ifrs.edu.br")]
    [InlineData("auditor", "529.982.247-25", "ana.lima@ifrs.edu.br")]
    public async Task The_cpf_is_masked_for_roles_that_do_not_need_it_everywhere_in_the_ticket(string role, string taxId, string email)
    {
        await using var app = await RunningApp.StartAsync();
        var protocol = await app.OpenAsync(taxId: "52998224725");

        var (ticket, _) = await app.ReadAsync(protocol, role);

        Assert.Equal(taxId, ticket.GetProperty("requesterTaxId").GetString());
        Assert.Equal(email, ticket.GetProperty("requesterEmail").GetString());
        var raw = ticket.GetRawText();
        Assert.Equal(role is "supervisor" or "admin" or "auditor", raw.Contains("52998224725", StringComparison.Ordinal) || raw.Contains("529.982.247-25", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_cpf_is_refused_naming_the_field_and_consumes_no_protocol()
    {
        await using var app = await RunningApp.StartAsync();

        using var bad = await app.Staff("agent-l1").PostAsJsonAsync("/api/tickets", new { subject = "x", description = "y", requesterEmail = "a@b.gov.br", channel = "webForm", requesterTaxId = "529.982.247-24" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(bad)).GetProperty("errors").TryGetProperty("requesterTaxId", out _));
        Assert.EndsWith("0000001", await app.OpenAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_header_is_ignored_outside_the_development_environment()
    {
        await using var app = await RunningApp.StartAsync(environment: "Production", settings: ProductionSettings);

        using var response = await app.Staff("admin").GetAsync(new Uri("/api/tickets", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_development_header_is_ignored_under_the_functions_host_even_in_development()
    {
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true);

        using var response = await app.Staff("admin").GetAsync(new Uri("/api/tickets", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_app_refuses_to_start_without_a_survey_signing_key()
    {
        var error = await Assert.ThrowsAsync<Helpdesk.FunctionApp.Hosting.StartupConfigurationException>(() => RunningApp.StartAsync(environment: "Production"));

        Assert.Contains("Survey__SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_service_authentication_is_trusted_only_under_the_functions_host_with_authentication_enabled()
    {
        await using var enabled = await RunningApp.StartAsync(asFunctionsHost: true, environment: "Production",
            settings: new Dictionary<string, string?>(ProductionSettings) { ["WEBSITE_AUTH_ENABLED"] = "True" });
        await using var disabled = await RunningApp.StartAsync(asFunctionsHost: true, environment: "Production", settings: ProductionSettings);
        await using var embedded = await RunningApp.StartAsync(environment: "Production",
            settings: new Dictionary<string, string?>(ProductionSettings) { ["WEBSITE_AUTH_ENABLED"] = "True" });

        async Task<HttpResponseMessage> MeAsync(RunningApp app, string principal)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/me", UriKind.Relative));
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
            return await app.Client.SendAsync(request, Ct);
        }

        using var ok = await MeAsync(enabled, EasyAuthPrincipal("oid-123", "agent-l2"));
        using var noRole = await MeAsync(enabled, EasyAuthPrincipal("oid-456"));
        using var forgedWhenOff = await MeAsync(disabled, EasyAuthPrincipal("oid-123", "admin"));
        using var forgedEmbedded = await MeAsync(embedded, EasyAuthPrincipal("oid-123", "admin"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var me = await ok.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("oid-123", me.GetProperty("userId").GetString());
        Assert.Equal(["agent-l2"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedWhenOff.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedEmbedded.StatusCode);
    }
}
