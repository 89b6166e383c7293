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
}
