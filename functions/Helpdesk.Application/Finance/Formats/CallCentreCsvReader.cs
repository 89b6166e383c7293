using System.Globalization;
using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>
/// Reads the call-centre CSV (docs/call-centre-csv.md): a header row naming the columns (any order; unknown columns
/// are an error), comma-separated, invariant-culture numbers, <c>intervalStart</c> as ISO 8601 with offset.
/// </summary>
public static class CallCentreCsvReader
{
    private static readonly string[] Columns =
    [
        "intervalStart", "intervalMinutes", "offered", "answered", "answeredWithin20s", "answeredWithin30s", "abandoned", "abandonedAfter20s",
        "routedToHuman", "waitSeconds", "handlingSeconds", "ivrCalls", "ivrRetained", "botDemands", "botResolved", "chatDemands", "chatResolved",
        "chats", "chatHandlingSeconds", "unavailableSeconds",
    ];

    /// <summary>The rows of the file; with <paramref name="month"/>, a row whose interval starts outside it is an error.</summary>
    public static IEnumerable<CallCentreInterval> Read(TextReader reader, string name, ZonedMonth? month = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new InputFormatException($"{name}: empty file; a header row is expected");
        var names = header.Split(',').Select(h => h.Trim()).ToArray();
        foreach (var column in names)
        {
            if (Array.IndexOf(Columns, column) < 0)
            {
                throw new InputFormatException(name, 1, column, "unknown column");
            }
        }

        if (Array.IndexOf(names, "intervalStart") < 0)
        {
            throw new InputFormatException(name, 1, "intervalStart", "column intervalStart is required");
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != names.Length)
            {
                throw new InputFormatException(name, lineNumber, null, $"{cells.Length} cells, the header has {names.Length}");
            }

            var row = Parse(names, cells, name, lineNumber);
            if (row.Validate() is { } error)
            {
                var colon = error.IndexOf(':', StringComparison.Ordinal);
                throw new InputFormatException(name, lineNumber, error[..colon], error[(colon + 1)..].Trim());
            }

            if (month is { } window && !window.Contains(row.Start))
            {
                throw new InputFormatException(name, lineNumber, "intervalStart", $"the interval starts outside {window.Month} (São Paulo time)");
            }

            yield return row;
        }
    }

    private static CallCentreInterval Parse(string[] names, string[] cells, string file, int line)
    {
        string Cell(string column) => Array.IndexOf(names, column) is var i and >= 0 ? cells[i].Trim() : "0";

        long Count(string column) =>
            long.TryParse(Cell(column), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InputFormatException(file, line, column, "a whole non-negative number is expected");

        decimal Seconds(string column) =>
            decimal.TryParse(Cell(column), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InputFormatException(file, line, column, "a non-negative number is expected");

        if (!DateTimeOffset.TryParse(Cell("intervalStart"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || !Cell("intervalStart").Contains('T', StringComparison.Ordinal))
        {
            throw new InputFormatException(file, line, "intervalStart", "an ISO 8601 instant with offset is expected (2026-03-02T09:00:00-03:00)");
        }

        return new CallCentreInterval
        {
            Start = start,
            Minutes = Array.IndexOf(names, "intervalMinutes") >= 0 ? (int)Count("intervalMinutes") : 30,
            Offered = Count("offered"),
            Answered = Count("answered"),
            AnsweredWithin20Seconds = Count("answeredWithin20s"),
            AnsweredWithin30Seconds = Count("answeredWithin30s"),
            Abandoned = Count("abandoned"),
            AbandonedAfter20Seconds = Count("abandonedAfter20s"),
            RoutedToHuman = Count("routedToHuman"),
            WaitSeconds = Seconds("waitSeconds"),
            HandlingSeconds = Seconds("handlingSeconds"),
            IvrCalls = Count("ivrCalls"),
            IvrRetained = Count("ivrRetained"),
            BotDemands = Count("botDemands"),
            BotResolved = Count("botResolved"),
            ChatDemands = Count("chatDemands"),
            ChatResolved = Count("chatResolved"),
            Chats = Count("chats"),
            ChatHandlingSeconds = Seconds("chatHandlingSeconds"),
            UnavailableSeconds = Seconds("unavailableSeconds"),
        };
    }
}
