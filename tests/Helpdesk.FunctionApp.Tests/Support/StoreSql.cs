using Helpdesk.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>Runs SQL directly on the app's embedded store, as someone with the database file would (tampering, staging).</summary>
public static class StoreSql
{
    public static async Task ExecuteSqlAsync(this RunningApp app, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new SqliteConnection(app.Service<SqliteDatabase>().ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Rows of <paramref name="table"/> (matching <paramref name="where"/>, SQL, when given) in the embedded SQLite
    /// file under <paramref name="dataDirectory"/>, read-only; 0 when the file or the table does not exist.</summary>
    public static async Task<long> CountRowsAsync(string dataDirectory, string table, string? where = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Directory.EnumerateFiles(dataDirectory, "*.db", SearchOption.AllDirectories).FirstOrDefault();
        if (file is null)
        {
            return 0;
        }

        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync(ct);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $t";
        exists.Parameters.AddWithValue("$t", table);
        if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
        {
            return 0;
        }

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM {table}" + (where is null ? string.Empty : " WHERE " + where);
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }
}
