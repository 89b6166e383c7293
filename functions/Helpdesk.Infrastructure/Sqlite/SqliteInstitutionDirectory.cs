using Helpdesk.Application.Ports;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Institutions;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The editable domain → institution table.</summary>
public sealed class SqliteInstitutionDirectory(SqliteDatabase database) : IInstitutionDirectory
{
    public async Task<IReadOnlyList<InstitutionMapping>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT domain, name, uf FROM institution_domains ORDER BY domain";
        var list = new List<InstitutionMapping>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task<InstitutionMapping?> FindAsync(EmailAddress address, CancellationToken cancellationToken)
    {
        // Candidate domains of a.b.c.gov.br: itself and each parent with at least one dot.
        var labels = address.Domain.Split('.');
        var candidates = Enumerable.Range(0, labels.Length - 1).Select(i => string.Join('.', labels[i..])).ToList();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT domain, name, uf FROM institution_domains WHERE domain IN ({string.Join(", ", candidates.Select((_, i) => "$d" + i))}) ORDER BY length(domain) DESC LIMIT 1";
        for (var i = 0; i < candidates.Count; i++)
        {
            command.Parameters.AddWithValue("$d" + i, candidates[i]);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<bool> UpsertAsync(InstitutionMapping mapping, string changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var changed = await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO institution_domains(domain, name, uf, changed_by, changed_at) VALUES ($d, $n, $uf, $by, $at)
                    ON CONFLICT(domain) DO UPDATE SET name = excluded.name, uf = excluded.uf, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                    WHERE name <> excluded.name OR uf IS NOT excluded.uf
                    """;
                command.Parameters.AddWithValue("$d", mapping.Domain);
                command.Parameters.AddWithValue("$n", mapping.Name);
                command.Parameters.AddWithValue("$uf", (object?)mapping.Uf?.Code ?? DBNull.Value);
                command.Parameters.AddWithValue("$by", changedBy);
                command.Parameters.AddWithValue("$at", SqliteTime.Format(now));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    public async Task<bool> RemoveAsync(string domain, CancellationToken cancellationToken)
    {
        var changed = await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM institution_domains WHERE domain = $d";
                command.Parameters.AddWithValue("$d", domain);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>A row of (domain, name, uf); a stored UF that is no longer valid reads as none.</summary>
    private static InstitutionMapping Read(Microsoft.Data.Sqlite.SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), !reader.IsDBNull(2) && Uf.TryParse(reader.GetString(2), out var uf) ? uf : null);
}
