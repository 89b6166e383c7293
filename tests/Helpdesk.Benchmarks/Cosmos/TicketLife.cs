using Helpdesk.Application.Escalation;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Intake;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Benchmarks.Cosmos;

/// <summary>
/// Issue 21 §5: tickets through their life with the application's own use cases, resolved from the app as it runs in
/// Azure (CosmosDb__accountEndpoint set, under the Functions host): intake (TicketIntake, the web form), an agent's
/// reply, escalation to level 2 (TicketActions.Escalate, then RouteEscalation, the consumer of the hand-off the change
/// feed forwards), resolution and closing. Every Cosmos DB request of each step is recorded by step.
/// </summary>
public static class TicketLife
{
    public static readonly string[] Steps = ["intake", "reply", "escalation", "resolution", "closing"];

    public sealed record Result(int Tickets, IReadOnlyList<CosmosRequest> Requests);

    public static async Task<Result> RunAsync(CosmosTarget target, string database, int tickets)
    {
        var ledger = new RequestLedger();
        using var client = target.NewClient(ledger);
        var options = target.Options(database);
        ledger.Paused = true;
        _ = await CosmosConnection.EnsureTicketsContainerAsync(client, options, CancellationToken.None).ConfigureAwait(false);
        var data = Path.Combine(Path.GetTempPath(), $"helpdesk-bench-cosmos-{Guid.NewGuid():N}");
        var app = HelpdeskApp.Build(["--environment", "Production"], builder =>
        {
            builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] = "0"; // as the Functions host runs it
            builder.Configuration["urls"] = "http://127.0.0.1:0";
            builder.Configuration["Helpdesk:DataDirectory"] = data;
            builder.Configuration["Survey:SigningKey"] = "benchmark-only-survey-signing-key-0123456789";
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["CosmosDb:accountEndpoint"] = target.Endpoint.ToString();
            builder.Configuration["CosmosDb:accountKey"] = target.Key;
            builder.Configuration["CosmosDb:databaseName"] = database;
            builder.Services.AddSingleton(client); // the app's one client, with the ledger in its pipeline
        });
        try
        {
            var intake = app.Services.GetRequiredService<TicketIntake>();
            var actions = app.Services.GetRequiredService<TicketActions>();
            var router = app.Services.GetRequiredService<RouteEscalation>();
            var store = app.Services.GetRequiredService<CosmosTicketStore>();
            var agent = new AgentIdentity("supervisora.bench@ifsp.edu.br", "Supervisora", new HashSet<string>(StringComparer.Ordinal) { Roles.Supervisor });
            for (var n = 0; n < tickets; n++)
            {
                ledger.Paused = false;
                ledger.Step = Label(n, "intake");
                var request = new NewTicket(
                    "Sem acesso ao SUAP",
                    "Desde hoje cedo o módulo de protocolo responde com erro 500 ao abrir um processo. Já limpei o cache do navegador.",
                    Domain.Tickets.EmailAddress.Parse($"servidor{n}@ifsp.edu.br"), "Servidor de Teste", Channel.WebForm, DateTimeOffset.UtcNow);
                var received = await intake.ReceiveRequestAsync(request, null, "benchmark", registeredByStaff: false, CancellationToken.None).ConfigureAwait(false);
                var protocol = ProtocolNumber.TryParse(received.Protocol, out var p) ? p : throw new InvalidOperationException($"Intake answered {received.Outcome} ({received.Reason}).");
                var target2 = new TicketTarget(protocol, null);

                ledger.Step = Label(n, "reply");
                _ = await actions.ReplyAsync(target2, agent, "Bom dia. Pode informar o número do processo que apresenta o erro?", null, CancellationToken.None).ConfigureAwait(false);

                ledger.Step = Label(n, "escalation");
                var escalated = await actions.EscalateAsync(target2, agent, null, "Erro no servidor de aplicação: requer nível 2.", CancellationToken.None).ConfigureAwait(false);
                ledger.Paused = true; // the change feed's forwarding is not this step's request: read the hand-off aside
                var handOff = (await store.OutboxOfAsync(escalated.Id, CancellationToken.None).ConfigureAwait(false)).Last(m => m.Queue == Queues.Escalations);
                ledger.Paused = false;
                _ = await router.HandleAsync(EscalationMessage.FromJson(handOff.Body), CancellationToken.None).ConfigureAwait(false);

                ledger.Step = Label(n, "resolution");
                _ = await actions.ResolveAsync(target2, agent, false, "Reiniciado o serviço de protocolo; o módulo voltou a abrir os processos.", CancellationToken.None).ConfigureAwait(false);

                ledger.Step = Label(n, "closing");
                var closed = await actions.CloseAsync(target2, agent, "Solicitante confirmou a solução.", CancellationToken.None).ConfigureAwait(false);
                if (closed.Status != TicketStatus.Closed)
                {
                    throw new InvalidOperationException($"Ticket {protocol} ended {closed.Status}, not closed.");
                }

                ledger.Paused = true;
            }

            return new Result(tickets, ledger.Snapshot());
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The first ticket's steps are named apart ("first intake", ...): they carry the one-time costs (the year's
    /// counter and registry, configuration seeded on first use, the SDK's metadata look-ups).</summary>
    private static string Label(int ticket, string step) => ticket == 0 ? "first " + step : step;
}
