using System.Text.Json.Nodes;
using Helpdesk.Application.Institutions;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Institutions;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The domain → institution table on Cosmos DB, the twin of <c>SqliteInstitutionDirectory</c>: one item per domain
/// (<c>type: institution</c>, id <c>institution-{domain}</c>) in the one small partition <c>institutions</c>. The built-in
/// rows (<see cref="BuiltInInstitutions"/>) are seeded once, as SQLite's migration seeds them: before the first operation,
/// if the partition has no <c>institutions-seeded</c> marker, each built-in row is created if absent and then the marker;
/// so a built-in row a supervisor removed or changed stays so. Changes are read-modify-write under the item's ETag.
/// </summary>
public sealed class CosmosInstitutionDirectory(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosInstitutionDirectory> logger) : IInstitutionDirectory
{
    private const int MaxAttempts = 10;
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);
    private volatile bool _seeded;

    public async Task<IReadOnlyList<InstitutionMapping>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        var items = await _gateway.QueryPartitionAsync(
            "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type", CosmosItems.InstitutionsPartition,
            new Dictionary<string, object> { ["@type"] = CosmosItems.InstitutionType }, cancellationToken).ConfigureAwait(false);
        return [.. items.Select(ToMapping).OrderBy(m => m.Domain, StringComparer.Ordinal)];
    }

    public async Task<InstitutionMapping?> FindAsync(EmailAddress address, CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);

        // Candidate domains of a.b.c.gov.br, longest first: itself and each parent with at least one dot; one point read each.
        var labels = address.Domain.Split('.');
        foreach (var candidate in Enumerable.Range(0, labels.Length - 1).Select(i => string.Join('.', labels[i..])))
        {
            var stored = await _gateway.ReadAsync(CosmosItems.Institution(candidate), CosmosItems.InstitutionsPartition, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                return ToMapping(stored.Body);
            }
        }

        return null;
    }

    public async Task<bool> UpsertAsync(InstitutionMapping mapping, string changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        var id = CosmosItems.Institution(mapping.Domain);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(id, CosmosItems.InstitutionsPartition, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                if (await _gateway.TryCreateAsync(ToItem(mapping, changedBy, now), CosmosItems.InstitutionsPartition, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }

                continue;
            }

            if (ToMapping(stored.Body) == mapping)
            {
                return false; // as SQLite's upsert that changes no column
            }

            if (await _gateway.TryReplaceAsync(ToItem(mapping, changedBy, now), id, CosmosItems.InstitutionsPartition, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        throw new CosmosStoreException($"The institution of domain {mapping.Domain} kept changing; giving up.");
    }

    public async Task<bool> RemoveAsync(string domain, CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        var id = CosmosItems.Institution(domain);
        if (await _gateway.ReadAsync(id, CosmosItems.InstitutionsPartition, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await _gateway.DeleteAsync(id, CosmosItems.InstitutionsPartition, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Seeds the built-in rows once per container (the marker), checked once per instance. Two instances
    /// seeding at once both create-if-absent, so neither overwrites the other.</summary>
    private async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (_seeded)
        {
            return;
        }

        if (await _gateway.ReadAsync(CosmosItems.InstitutionsSeeded, CosmosItems.InstitutionsPartition, cancellationToken).ConfigureAwait(false) is null)
        {
            foreach (var mapping in BuiltInInstitutions.All)
            {
                await _gateway.TryCreateAsync(ToItem(mapping, BuiltInInstitutions.ChangedBy, BuiltInInstitutions.ChangedAt), CosmosItems.InstitutionsPartition, cancellationToken).ConfigureAwait(false);
            }

            await _gateway.TryCreateAsync(
                new JsonObject
                {
                    ["id"] = CosmosItems.InstitutionsSeeded,
                    ["pk"] = CosmosItems.InstitutionsPartition,
                    ["type"] = CosmosItems.InstitutionsSeededType,
                    ["rows"] = BuiltInInstitutions.All.Count,
                },
                CosmosItems.InstitutionsPartition,
                cancellationToken).ConfigureAwait(false);
        }

        _seeded = true;
    }

    private static JsonObject ToItem(InstitutionMapping mapping, string changedBy, DateTimeOffset now) => new()
    {
        ["id"] = CosmosItems.Institution(mapping.Domain),
        ["pk"] = CosmosItems.InstitutionsPartition,
        ["type"] = CosmosItems.InstitutionType,
        ["domain"] = mapping.Domain,
        ["name"] = mapping.Name,
        ["uf"] = mapping.Uf?.Code,
        ["changedBy"] = changedBy,
        ["changedAt"] = TicketSummaryDocument.Utc(now),
    };

    /// <summary>An item of (domain, name, uf); a stored UF that is no longer valid reads as none, as in SQLite.</summary>
    private static InstitutionMapping ToMapping(JsonObject item) => new(
        item["domain"]!.GetValue<string>(),
        item["name"]!.GetValue<string>(),
        item["uf"] is JsonValue uf && Uf.TryParse(uf.GetValue<string>(), out var parsed) ? parsed : null);
}
