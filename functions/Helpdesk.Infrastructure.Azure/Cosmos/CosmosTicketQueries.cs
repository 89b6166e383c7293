using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Knowledge;
using Helpdesk.Domain.Tickets;
using Helpdesk.Application.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// Agents' ticket lists on Cosmos DB (ADR-013): the list items of one protocol year share the partition
/// <c>list-{year}</c>, so a list is one single-partition query per year, walked from the newest year down, newest
/// protocol first, with the same keyset page tokens as the SQLite twin (the last protocol served).
/// </summary>
public sealed class CosmosTicketQueries : ITicketQueries
{
    private const int MaxTerms = 10;
    private const string Columns =
        "c.ticketId, c.protocol, c.status, c.subject, c.requesterEmail, c.requesterName, c.institution, c.channel, c.level, c.supportGroup, " +
        "c.assignee, c.category, c.priority, c.registeredAt, c.updatedAt, c.atRiskAt, c.dueAt, c.version, c.uf";

    internal static readonly string[] ActiveStatuses = [nameof(TicketStatus.New), nameof(TicketStatus.Open), nameof(TicketStatus.PendingOnRequester)];
    private readonly CosmosGateway _gateway;

    public CosmosTicketQueries(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosTicketQueries> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = new CosmosGateway(container, logger, options.Emulator);
    }

    public async Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ProtocolNumber? after = ProtocolNumber.TryParse(PageTokens.Read(query.PageToken), out var last) ? last : null;
        var years = await _gateway.ProtocolYearsAsync(cancellationToken).ConfigureAwait(false);

        var wanted = query.PageSize + 1;
        var items = new List<TicketSummary>();
        foreach (var year in years.Where(y => after is null || y <= after.Value.Year))
        {
            var (sql, parameters) = Build(query, wanted - items.Count, after?.Year == year ? after.Value.ToString() : null);
            var found = await _gateway.QueryPartitionAsync(sql, CosmosItems.ListPartition(year), parameters, cancellationToken).ConfigureAwait(false);
            items.AddRange(found.Select(TicketSummaryDocument.ToSummary));
            if (items.Count >= wanted)
            {
                break;
            }
        }

        string? next = null;
        if (items.Count > query.PageSize)
        {
            items.RemoveRange(query.PageSize, items.Count - query.PageSize);
            next = PageTokens.Write(items[^1].Protocol);
        }

        return new TicketPage(items, next);
    }

    /// <summary>The years of the registry item, newest first.</summary>
    internal static IReadOnlyList<int> Years(JsonObject registry) =>
        registry["years"] is JsonArray years ? years.Select(y => y!.GetValue<int>()).OrderDescending().ToList() : [];

    /// <summary>The query of one year's partition: every filter of <see cref="TicketQuery"/> on the list item's fields.</summary>
    internal static (string Sql, Dictionary<string, object> Parameters) Build(TicketQuery query, int top, string? before)
    {
        var parameters = new Dictionary<string, object> { ["@type"] = CosmosItems.SummaryType };
        var sql = new StringBuilder("SELECT TOP ").Append(top.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Columns)
            .Append(" FROM c WHERE c.pk = @pk AND c.type = @type");

        if (query.Statuses is { Count: > 0 } statuses)
        {
            sql.Append(" AND c.status IN (").Append(string.Join(", ", statuses.Select((s, i) => Add(parameters, "@s" + i, s.ToString())))).Append(')');
        }

        Equal(sql, parameters, "level", query.Level);
        Equal(sql, parameters, "supportGroup", query.Group);
        Equal(sql, parameters, "assignee", query.Assignee);
        Equal(sql, parameters, "category", query.Category);
        Equal(sql, parameters, "priority", query.Priority);
        Equal(sql, parameters, "institution", query.Institution);
        Equal(sql, parameters, "uf", query.Uf);
        Equal(sql, parameters, "channel", query.Channel?.ToString());
        if (query.Unassigned)
        {
            sql.Append(" AND IS_NULL(c.assignee)");
        }

        if (query.RequesterEmail is { } requester)
        {
            sql.Append(" AND LOWER(c.requesterEmail) = ").Append(Add(parameters, "@requester", requester.ToLowerInvariant()));
        }

        if (query.UpdatedBefore is { } updatedBefore)
        {
            sql.Append(" AND c.updatedAt < ").Append(Add(parameters, "@updatedBefore", TicketSummaryDocument.Utc(updatedBefore)));
        }

        if (query.Breach is { } breach)
        {
            var now = Add(parameters, "@now", TicketSummaryDocument.Utc(query.Now));
            sql.Append(" AND c.status IN (").Append(string.Join(", ", ActiveStatuses.Select((s, i) => Add(parameters, "@a" + i, s)))).Append(") AND NOT IS_NULL(c.dueAt)");
            sql.Append(breach switch
            {
                BreachState.Breached => $" AND c.dueAt <= {now}",
                BreachState.AtRisk => $" AND c.dueAt > {now} AND NOT IS_NULL(c.atRiskAt) AND c.atRiskAt <= {now}",
                _ => $" AND c.dueAt > {now} AND (IS_NULL(c.atRiskAt) OR c.atRiskAt > {now})",
            });
        }

        var terms = TextFolding.Terms(query.Text);
        for (var i = 0; i < terms.Count && i < MaxTerms; i++)
        {
            sql.Append(" AND CONTAINS(c.").Append(TicketSummaryDocument.SearchField(query.View)).Append(", ").Append(Add(parameters, "@t" + i, terms[i])).Append(')');
        }

        if (before is not null)
        {
            sql.Append(" AND c.protocol < ").Append(Add(parameters, "@before", before));
        }

        sql.Append(" ORDER BY c.protocol DESC");
        return (sql.ToString(), parameters);
    }

    private static void Equal(StringBuilder sql, Dictionary<string, object> parameters, string field, object? value)
    {
        if (value is not null)
        {
            sql.Append(" AND c.").Append(field).Append(" = ").Append(Add(parameters, "@" + field, value));
        }
    }

    internal static string Add(Dictionary<string, object> parameters, string name, object value)
    {
        parameters[name] = value;
        return name;
    }
}
