using System.Text.Json;
using Helpdesk.Domain.Exports;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>Streams a ticket-history export (JSONL, one <see cref="ExportedTicket"/> per line). Blank lines are skipped.</summary>
public static class TicketJsonlReader
{
    public static IEnumerable<ExportedTicket> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(line, name, lineNumber);
        }
    }

    public static ExportedTicket Parse(string line, string name, int lineNumber)
    {
        ExportedTicket? record;
        try
        {
            record = JsonSerializer.Deserialize<ExportedTicket>(line, ExportJson.Options);
        }
        catch (JsonException ex)
        {
            var (field, detail) = Describe(ex);
            throw new InputFormatException(name, lineNumber, field, detail);
        }

        if (record is null)
        {
            throw new InputFormatException($"{name}:{lineNumber}: a ticket object is expected");
        }

        return record.Validate() is { } error ? throw new InputFormatException($"{name}:{lineNumber}: {error}") : record;
    }

    /// <summary>The field and what is wrong with it, in the export's own words (docs/ticket-export.md), never a .NET type
    /// name: <c>protocol: required</c>, <c>channel: must be one of email, webForm, …</c>.</summary>
    private static (string? Field, string Detail) Describe(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "" : ex.Path.TrimStart('$').TrimStart('.');
        var message = ex.Message;
        const string missing = "missing required properties including: ";
        var at = message.IndexOf(missing, StringComparison.Ordinal);
        if (at >= 0)
        {
            var names = message[(at + missing.Length)..].Split(',').Select(n => n.Trim().Trim('.', '\'', ' ')).Where(n => n.Length > 0).ToList();
            return (string.Join(", ", names.Select(n => path.Length == 0 ? n : path + "." + n)), "required");
        }

        if (path.Length == 0)
        {
            return (null, "each line must be one ticket as a JSON object");
        }

        var expected = message.Contains(nameof(Domain.Exports.ExportedChannel), StringComparison.Ordinal)
            ? "must be one of " + string.Join(", ", Enum.GetNames<Domain.Exports.ExportedChannel>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))
            : message.Contains(nameof(Domain.Exports.ExportedEventType), StringComparison.Ordinal)
                ? "must be one of " + string.Join(", ", Enum.GetNames<Domain.Exports.ExportedEventType>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))
            : message.Contains(nameof(Domain.Tickets.TicketKind), StringComparison.Ordinal)
                ? "must be one of " + string.Join(", ", Enum.GetNames<Domain.Tickets.TicketKind>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))
            : message.Contains(nameof(DateTimeOffset), StringComparison.Ordinal)
                ? "must be an instant with its offset, e.g. 2026-03-02T09:00:00-03:00"
            : message.Contains("Int32", StringComparison.Ordinal) || message.Contains("Int64", StringComparison.Ordinal)
                ? "must be a whole number"
            : message.Contains(nameof(Decimal), StringComparison.Ordinal) || message.Contains(nameof(Double), StringComparison.Ordinal)
                ? "must be a number"
            : message.Contains(nameof(Boolean), StringComparison.Ordinal)
                ? "must be true or false"
            : message.Contains(nameof(String), StringComparison.Ordinal)
                ? "must be a text"
            : message.Contains("List", StringComparison.Ordinal) || message.Contains("[]", StringComparison.Ordinal)
                ? "must be an array"
            : message.Contains("could not be converted", StringComparison.Ordinal)
                ? "must be an object"
            : "is not valid JSON here";
        return (path, expected);
    }
}
