using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The support groups' roster on Cosmos DB: one item per member (<c>type: rosterMember</c>) in the group's partition
/// <c>roster-{group}</c>, so a group's members are one single-partition query. A member's workload is counted from the
/// list items (active tickets they hold), by one single-partition query per protocol year naming the group's members,
/// as the SQLite twin counts them from the tickets' read model. Changes are read-modify-write under the item's ETag.
/// </summary>
public sealed class CosmosAgentRoster : IAgentRoster
{
    private const int MaxAttempts = 10;
    private readonly CosmosGateway _gateway;

    public CosmosAgentRoster(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosAgentRoster> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = new CosmosGateway(container, logger, options.Emulator);
    }

    public async Task<IReadOnlyList<GroupMember>> MembersAsync(string group, CancellationToken cancellationToken)
    {
        var items = await _gateway.QueryPartitionAsync(
            "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type", CosmosItems.RosterPartition(group),
            new Dictionary<string, object> { ["@type"] = CosmosItems.RosterMemberType }, cancellationToken).ConfigureAwait(false);
        var agents = items.Select(i => i["agentId"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        var active = await ActiveTicketsAsync(agents, cancellationToken).ConfigureAwait(false);
        return [.. items
            .Select(i => new GroupMember(
                group,
                i["agentId"]!.GetValue<string>(),
                i["available"]!.GetValue<bool>(),
                active.GetValueOrDefault(i["agentId"]!.GetValue<string>()),
                i["lastAssignedAt"] is JsonValue last ? TicketDocument.ParseTime(last.GetValue<string>()) : null,
                TicketDocument.ParseTime(i["changedAt"]!.GetValue<string>()),
                i["workLevel"] is JsonValue level ? level.GetValue<int>() : null))
            .OrderBy(m => m.AgentId, StringComparer.Ordinal)];
    }

    public async Task SetAvailabilityAsync(string group, string agentId, bool available, int? workLevel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = CosmosItems.RosterPartition(group);
        var id = CosmosItems.RosterMember(agentId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(id, partition, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                var item = new JsonObject
                {
                    ["id"] = id,
                    ["pk"] = partition,
                    ["type"] = CosmosItems.RosterMemberType,
                    ["group"] = group,
                    ["agentId"] = agentId,
                    ["available"] = available,
                    ["lastAssignedAt"] = null,
                    ["changedAt"] = TicketSummaryDocument.Utc(now),
                    ["workLevel"] = workLevel,
                };
                if (await _gateway.TryCreateAsync(item, partition, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            stored.Body["available"] = available;
            stored.Body["changedAt"] = TicketSummaryDocument.Utc(now);
            if (workLevel is { } level)
            {
                stored.Body["workLevel"] = level;
            }
            if (await _gateway.TryReplaceAsync(stored.Body, id, partition, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new CosmosStoreException($"The roster item of group {group} kept changing; giving up.");
    }

    public async Task<bool> RemoveAsync(string group, string agentId, CancellationToken cancellationToken)
    {
        var partition = CosmosItems.RosterPartition(group);
        var id = CosmosItems.RosterMember(agentId);
        if (await _gateway.ReadAsync(id, partition, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await _gateway.DeleteAsync(id, partition, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task RecordAssignmentAsync(string group, string agentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partition = CosmosItems.RosterPartition(group);
        var id = CosmosItems.RosterMember(agentId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(id, partition, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return; // not a member (as SQLite's UPDATE of no row)
            }

            stored.Body["lastAssignedAt"] = TicketSummaryDocument.Utc(now);
            if (await _gateway.TryReplaceAsync(stored.Body, id, partition, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new CosmosStoreException($"The roster item of group {group} kept changing; giving up.");
    }

    /// <summary>The active tickets each of <paramref name="agents"/> holds, counted over every protocol year.</summary>
    private async Task<Dictionary<string, int>> ActiveTicketsAsync(IReadOnlyList<string> agents, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (agents.Count == 0)
        {
            return counts;
        }

        var parameters = new Dictionary<string, object> { ["@type"] = CosmosItems.SummaryType };
        var statuses = string.Join(", ", CosmosTicketQueries.ActiveStatuses.Select((s, i) => CosmosTicketQueries.Add(parameters, "@s" + i, s)));
        var members = string.Join(", ", agents.Select((a, i) => CosmosTicketQueries.Add(parameters, "@m" + i, a)));
        var sql = $"SELECT c.assignee FROM c WHERE c.pk = @pk AND c.type = @type AND c.status IN ({statuses}) AND c.assignee IN ({members})";
        foreach (var year in await _gateway.ProtocolYearsAsync(cancellationToken).ConfigureAwait(false))
        {
            var found = await _gateway.QueryPartitionAsync(sql, CosmosItems.ListPartition(year), parameters, cancellationToken).ConfigureAwait(false);
            foreach (var item in found)
            {
                var agent = item["assignee"]!.GetValue<string>();
                counts[agent] = counts.GetValueOrDefault(agent) + 1;
            }
        }

        return counts;
    }
}
