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
            var field = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path.TrimStart('$').TrimStart('.');
            throw new InputFormatException($"{name}:{lineNumber}: {field}: {ex.Message.Split(" Path:", 2)[0]}");
        }

        if (record is null)
        {
            throw new InputFormatException($"{name}:{lineNumber}: a ticket object is expected");
        }

        return record.Validate() is { } error ? throw new InputFormatException($"{name}:{lineNumber}: {error}") : record;
    }
}
