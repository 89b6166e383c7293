using System.Net.Http.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Helpdesk.FunctionApp.Tests.Operations;

/// <summary>Logs carry protocols, outcomes and reasons, never a requester's address, name or words.</summary>
public sealed class NoPersonalDataInLogsTests
{
    [Fact]
    public async Task Intake_threading_duplicates_and_rejections_log_no_personal_data()
    {
        var capture = new CapturingLoggerProvider();
        await using var app = await RunningApp.StartAsync(configure: b => b.Logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));

        using var created = await app.PostEmailAsync(Emails.Plain("pii-1@ifsp.edu.br", from: "Joana Prudente <joana.prudente@ifsp.edu.br>", body: "Meu CPF é 123.456.789-09"));
        using var duplicate = await app.PostEmailAsync(Emails.Plain("pii-1@ifsp.edu.br", from: "Joana Prudente <joana.prudente@ifsp.edu.br>", body: "Meu CPF é 123.456.789-09"));
        using var ignored = await app.PostEmailAsync(Emails.Plain("pii-2@ifsp.edu.br", from: "Joana Prudente <joana.prudente@ifsp.edu.br>", extraHeaders: "Auto-Submitted: auto-replied\r\n"));
        using var api = await app.Client.PostAsJsonAsync(
            "/api/tickets",
            new { subject = "Acesso", description = "Sou Joana Prudente", requesterEmail = "joana.prudente@ifsp.edu.br", requesterName = "Joana Prudente", channel = "webForm" },
            TestContext.Current.CancellationToken);
        await RunningApp.WaitUntilAsync(() => Directory.Exists(app.SentMailFolder) && Directory.GetFiles(app.SentMailFolder).Length == 2, TimeSpan.FromSeconds(15), "both acknowledgments");

        Assert.NotEmpty(capture.Lines);
        Assert.Contains(capture.Lines, l => l.Contains("registered", StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Lines, l => l.Contains("joana", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(capture.Lines, l => l.Contains("Prudente", StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Lines, l => l.Contains("123.456.789", StringComparison.Ordinal));
    }
}
