using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.FunctionApp.LocalRunner;
using Helpdesk.Infrastructure;
using Helpdesk.Infrastructure.Sqlite;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// The embedded defaults: every port on the SQLite file <c>{data}/helpdesk.db</c> (WAL) or in process, and the edges
/// chosen by their own settings (<see cref="EdgeAdapters"/>). Every port of <c>Application/Ports</c> is registered here
/// exactly once, except <see cref="IProtocolAccounting"/>: SQLite reserves a protocol number in the ticket's own
/// transaction, so there is nothing to account for (<c>AccountProtocolNumbersFunction</c> says so when it finds none).
/// </summary>
public static class EmbeddedAdapters
{
    public static void Add(IServiceCollection services, string dataDirectory, EdgeAdapters edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        // Opened (schema applied) when first needed, not while the app is built: the readiness probe does not wait for it
        // (StartupWarmUp opens it right after the server listens; the embedded runner's services at start).
        services.AddSingleton(_ => new SqliteDatabase(Path.Combine(dataDirectory, "helpdesk.db")));
        services.AddSingleton<SqliteOutboxStore>();
        services.AddSingleton<OutboxSignal>();

        // Tickets and what is read from them.
        services.AddSingleton<ITicketStore, SqliteTicketStore>();
        services.AddSingleton<IThreadIndex, SqliteThreadIndex>();
        services.AddSingleton<ITicketQueries, SqliteTicketQueries>();
        services.AddSingleton<ITicketHistory, SqliteTicketHistory>();
        services.AddSingleton<ITicketsNearDeadline, SqliteTicketsNearDeadline>();
        services.AddSingleton<ITicketDeadlines>(sp => sp.GetRequiredService<TicketClocks>());
        services.AddSingleton<IAuditSource, SqliteAuditSource>();
        services.AddSingleton<IIdGenerator, SystemIdGenerator>();

        // The outbox and its consumers' memory.
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.AddSingleton<IOutboxWriter>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddSingleton<IProcessedMessages, SqliteProcessedMessages>();
        services.AddSingleton<IDeadLetterQueue>(edges.DeadLetterQueue);

        // Configuration the agents edit, and the records of finance and availability.
        services.AddSingleton<IAgentRoster, SqliteAgentRoster>();
        services.AddSingleton<ICatalogueStore, SqliteCatalogueStore>();
        services.AddSingleton<IInstitutionDirectory, SqliteInstitutionDirectory>();
        services.AddSingleton<IKnowledgeBase, SqliteKnowledgeBase>();
        services.AddSingleton<IDailyIndicatorStore, SqliteDailyIndicatorStore>();
        services.AddSingleton<IJustificationStore, SqliteJustificationStore>();
        services.AddSingleton<IHeldMessages, SqliteHeldMessages>();
        services.AddSingleton<IClosedMonthStore, SqliteClosedMonthStore>();
        services.AddSingleton<IAvailabilityLog, SqliteAvailabilityLog>();

        // Erasure of personal data (issue 19): the ticket store's own transaction.
        services.AddSingleton<ITicketErasure>(sp => (SqliteTicketStore)sp.GetRequiredService<ITicketStore>());

        // The edges.
        services.AddSingleton<IReportStore>(edges.ReportStore);
        services.AddSingleton<IContentStore>(edges.ContentStore);
        services.AddSingleton<IMalwareScanResults>(edges.MalwareScanResults);
        services.AddSingleton<IOutgoingMailbox>(edges.OutgoingMailbox);
        services.AddSingleton<ITeamsNotifier>(edges.TeamsNotifier);
        edges.AddSupport(services);
    }
}
