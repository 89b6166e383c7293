using System.Globalization;
using System.Text;
using System.Text.Json;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Knowledge;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The knowledge base in SQLite: search runs over a folded (accent- and case-free) copy of title, tags and body.</summary>
public sealed class SqliteKnowledgeBase(SqliteDatabase database) : IKnowledgeBase
{
    private const string Columns = "id, kind, title, body, tags, category, use_count, source_protocol, created_by, created_at, updated_at";

    public Task AddAsync(KnowledgeArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        return WriteAsync(
            $"INSERT INTO kb_articles({Columns}, search_text) VALUES ($id, $kind, $title, $body, $tags, $category, $uses, $source, $by, $created, $updated, $search)",
            article,
            cancellationToken);
    }

    public async Task<bool> UpdateAsync(KnowledgeArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        return await WriteAsync(
            "UPDATE kb_articles SET title = $title, body = $body, tags = $tags, category = $category, source_protocol = $source, updated_at = $updated, search_text = $search WHERE id = $id",
            article,
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<KnowledgeArticle?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM kb_articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString("N"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<KnowledgeArticle>> SearchAsync(KnowledgeSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM kb_articles WHERE 1 = 1");
        var terms = TextFolding.Terms(search.Text);
        for (var i = 0; i < terms.Count && i < 10; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND search_text LIKE $t{i} ESCAPE '\\'");
            command.Parameters.AddWithValue("$t" + i, "%" + terms[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        }

        if (search.Kind is { } kind)
        {
            sql.Append(" AND kind = $kind");
            command.Parameters.AddWithValue("$kind", kind.ToString());
        }

        if (search.Category is { Length: > 0 } category)
        {
            sql.Append(" AND category = $category");
            command.Parameters.AddWithValue("$category", category);
        }

        sql.Append(" ORDER BY use_count DESC, title LIMIT $limit");
        command.Parameters.AddWithValue("$limit", search.Limit);
        command.CommandText = sql.ToString();
        var list = new List<KnowledgeArticle>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task<bool> RecordUseAsync(Guid id, CancellationToken cancellationToken) =>
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE kb_articles SET use_count = use_count + 1 WHERE id = $id";
                command.Parameters.AddWithValue("$id", id.ToString("N"));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    private Task<int> WriteAsync(string sql, KnowledgeArticle a, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("$id", a.Id.ToString("N"));
                command.Parameters.AddWithValue("$kind", a.Kind.ToString());
                command.Parameters.AddWithValue("$title", a.Title);
                command.Parameters.AddWithValue("$body", a.Body);
                command.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(a.Tags));
                command.Parameters.AddWithValue("$category", (object?)a.Category ?? DBNull.Value);
                command.Parameters.AddWithValue("$uses", a.UseCount);
                command.Parameters.AddWithValue("$source", (object?)a.SourceProtocol ?? DBNull.Value);
                command.Parameters.AddWithValue("$by", a.CreatedBy);
                command.Parameters.AddWithValue("$created", SqliteTime.Format(a.CreatedAt));
                command.Parameters.AddWithValue("$updated", SqliteTime.Format(a.UpdatedAt));
                command.Parameters.AddWithValue("$search", a.SearchText);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private static KnowledgeArticle Read(SqliteDataReader r) => new()
    {
        Id = Guid.ParseExact(r.GetString(0), "N"),
        Kind = Enum.Parse<KnowledgeKind>(r.GetString(1)),
        Title = r.GetString(2),
        Body = r.GetString(3),
        Tags = JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [],
        Category = r.IsDBNull(5) ? null : r.GetString(5),
        UseCount = r.GetInt32(6),
        SourceProtocol = r.IsDBNull(7) ? null : r.GetString(7),
        CreatedBy = r.GetString(8),
        CreatedAt = SqliteTime.Parse(r.GetString(9)),
        UpdatedAt = SqliteTime.Parse(r.GetString(10)),
    };
}
