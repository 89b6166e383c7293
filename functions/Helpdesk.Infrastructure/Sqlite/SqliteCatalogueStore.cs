using System.Text.Json;
using Helpdesk.Application;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The service catalogue as one JSON document with a version (0 = the built-in default, never stored).</summary>
public sealed class SqliteCatalogueStore(SqliteDatabase database) : ICatalogueStore
{
    public async Task<StoredCatalogue> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT document, version FROM catalogue WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new StoredCatalogue(SupportCatalogue.Default, 0);
        }

        var catalogue = JsonSerializer.Deserialize<SupportCatalogue>(reader.GetString(0), JsonDefaults.Options)
            ?? throw new InvalidOperationException("The stored catalogue is empty.");
        return new StoredCatalogue(catalogue, reader.GetInt32(1));
    }

    public Task<StoredCatalogue> SaveAsync(SupportCatalogue catalogue, int expectedVersion, string changedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var read = connection.CreateCommand();
                read.Transaction = transaction;
                read.CommandText = "SELECT version FROM catalogue WHERE id = 1";
                var current = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long v ? (int)v : 0;
                if (current != expectedVersion)
                {
                    throw new ConcurrencyConflictException($"The catalogue is at version {current}, not {expectedVersion}.");
                }

                await using var write = connection.CreateCommand();
                write.Transaction = transaction;
                write.CommandText = """
                    INSERT INTO catalogue(id, document, version, changed_by, changed_at) VALUES (1, $doc, $version, $by, $at)
                    ON CONFLICT(id) DO UPDATE SET document = excluded.document, version = excluded.version, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                    """;
                write.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(catalogue, JsonDefaults.Options));
                write.Parameters.AddWithValue("$version", current + 1);
                write.Parameters.AddWithValue("$by", changedBy);
                write.Parameters.AddWithValue("$at", SqliteTime.Format(now));
                await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return new StoredCatalogue(catalogue, current + 1);
            },
            cancellationToken);
}
