using System.Globalization;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>
/// The availability probe's heartbeat log as a file (docs/finance-reports.md, "Availability"): what
/// <c>GET /api/exports/heartbeats?month=yyyy-MM</c> serves and <c>helpdesk assess --availability</c> reads. A header
/// line <c>heartbeat</c>, then one UTC minute per line written <c>yyyy-MM-ddTHH:mmZ</c>, in time order.
/// </summary>
public static class HeartbeatFile
{
    public const string Header = "heartbeat";
    private const string MinuteFormat = "yyyy-MM-dd'T'HH:mm'Z'";

    public static void Write(TextWriter writer, IEnumerable<DateTimeOffset> heartbeats)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(heartbeats);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var beat in heartbeats)
        {
            writer.Write(beat.UtcDateTime.ToString(MinuteFormat, CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    public static IReadOnlyList<DateTimeOffset> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadLine()?.Trim() != Header)
        {
            throw new InputFormatException(name, 1, null, $"the first line must be the header '{Header}'");
        }

        var beats = new List<DateTimeOffset>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            beats.Add(DateTimeOffset.TryParseExact(text.Trim(), MinuteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var beat)
                ? beat
                : throw new InputFormatException(name, line, Header, "a UTC minute written yyyy-MM-ddTHH:mmZ is expected (2026-03-02T12:00Z)"));
        }

        return beats;
    }
}
