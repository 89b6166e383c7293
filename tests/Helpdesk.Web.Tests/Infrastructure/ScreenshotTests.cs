using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Infrastructure;

/// <summary>
/// Screenshots of the main pages. They go to a temporary folder; to refresh the ones in docs/screenshots run
/// <c>HELPDESK_SCREENSHOTS_DIR=$PWD/docs/screenshots dotnet test --project tests/Helpdesk.Web.Tests -- --filter-class "*ScreenshotTests"</c>.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private RunningApp _app = null!;
    private string _folder = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await RunningApp.StartAsync();
        _folder = Environment.GetEnvironmentVariable("HELPDESK_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "helpdesk-screenshots", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> ShootAsync(IPage page, string name)
    {
        var path = Path.Combine(_folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    [Fact]
    public async Task The_main_pages_render_and_are_captured()
    {
        string protocol = null!;
        foreach (var (id, subject) in new[] { ("s1", "Impressora do bloco B sem toner"), ("s2", "VPN desconecta a cada 5 minutos"), ("s3", "Senha do SUAP expirada") })
        {
            using var mail = await _app.PostEmailAsync(Emails.Plain($"{id}@ifsp.edu.br", subject: subject, body: "Bom dia,\n\n" + subject + ". Podem ajudar?\n\nMaria"));
            protocol = (await mail.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!;
        }

        using var form = await _app.Client.PostAsJsonAsync("/api/tickets", new { subject = "Acesso ao Moodle", description = "Sem acesso", requesterEmail = "rui@ifrs.edu.br", requesterName = "Rui", channel = "webForm" }, TestContext.Current.CancellationToken);

        var shots = new List<string>();
        await using (var anonymous = await browser.NewContextAsync(_app.BaseAddress))
        {
            var page = await anonymous.NewPageAsync();
            await page.GotoAsync("/api/app/request");
            shots.Add(await ShootAsync(page, "public-form"));
            await page.GetByLabel("Nome completo").FillAsync("Ana Lima");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitação" }).ClickAsync();
            shots.Add(await ShootAsync(page, "public-form-errors"));
        }

        await using (var agent = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1"))
        {
            var page = await agent.NewPageAsync();
            await page.GotoAsync("/api/app/tickets?view=all");
            shots.Add(await ShootAsync(page, "queue"));
            await page.GotoAsync("/api/app/tickets/" + protocol);
            await page.GetByRole(AriaRole.Button, new() { Name = "Assumir o chamado" }).ClickAsync();
            await page.GetByLabel("Resposta (enviada por e-mail)").FillAsync("Olá, Maria. Sua senha foi redefinida; a nova chegou no seu e-mail pessoal.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar resposta" }).ClickAsync();
            shots.Add(await ShootAsync(page, "ticket"));
        }

        // Level 2 with the ticket forwarded to an external team (escalated by level 1 first).
        await using (var l1 = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1"))
        {
            var page = await l1.NewPageAsync();
            await page.GotoAsync("/api/app/tickets/" + protocol);
            await page.GetByLabel("Motivo").First.FillAsync("Conta bloqueada no AD: só o 2º nível desbloqueia.");
            await page.GetByLabel("Grupo").SelectOptionAsync("identity");
            await page.GetByRole(AriaRole.Button, new() { Name = "Escalar", Exact = true }).ClickAsync();
        }

        await using (var l2 = await browser.SignedInAsync(_app.BaseAddress, "agent-l2", "bruno.n2"))
        {
            var page = await l2.NewPageAsync();
            await page.GotoAsync("/api/app/tickets/" + protocol);
            await page.GetByLabel("Número do registro na equipe").FillAsync("INC-2026-0042");
            await page.GetByLabel("O que foi pedido à equipe").FillAsync("Desbloquear a conta no AD da reitoria.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Encaminhar", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("equipe-externa")).ToBeVisibleAsync();
            shots.Add(await ShootAsync(page, "ticket-external-team"));
        }

        await using (var supervisor = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sofia.sup"))
        {
            var page = await supervisor.NewPageAsync();
            // Today's month-to-date indicators, computed as the daily timer does, so that the dashboard shows them.
            var now = DateTimeOffset.UtcNow;
            await _app.Service<Helpdesk.Application.Finance.DailyIndicators>().ComputeAsync(Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock.LocalDate(now), now, TestContext.Current.CancellationToken);
            await page.GotoAsync("/api/app/dashboard");
            await Assertions.Expect(page.GetByTestId("indicadores-diarios")).ToBeVisibleAsync();
            shots.Add(await ShootAsync(page, "dashboard"));
        }

        Assert.All(shots, path =>
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 5_000, $"{path} is suspiciously small");
            Assert.Equal(PngSignature, bytes[..8]);
        });
    }
}
