using System.Globalization;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>Instants are stored as fixed-width UTC ISO 8601 text, so that text order is time order.</summary>
internal static class SqliteTime
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
