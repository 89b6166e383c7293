using System.Text.Json;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance;

/// <summary>
/// The product's ticket-history export (docs/ticket-export.md), the JSONL that <c>helpdesk assess --tickets</c> reads.
/// A month's export holds every ticket that can belong to that month's assessment, with its history up to the end of
/// the month (or up to now for the current month), so that exporting a closed month again gives the same file.
/// </summary>
public sealed class TicketExport(ITicketHistory history, ExportedTicketMapper mapper, ICatalogueStore? catalogue = null)
{
    private static readonly byte[] NewLine = [(byte)'\n'];

    /// <summary>Writes the month's export; returns the number of tickets written.</summary>
    public Task<int> WriteMonthAsync(AssessmentMonth month, DateTimeOffset now, Stream output, CancellationToken cancellationToken)
    {
        var (from, asOf) = Range(month, now);
        return WriteAsync(from, asOf, output, cancellationToken);
    }

    /// <summary>
    /// The export of [<paramref name="from"/>, <paramref name="asOf"/>) read back with the reader of <c>helpdesk assess</c>,
    /// so that the product's own figures come from exactly what an auditor recomputes from.
    /// </summary>
    public async Task<IReadOnlyList<ExportedTicket>> ReadBackAsync(DateTimeOffset from, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(from, asOf, buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return Utf8TicketJsonlReader.Read(buffer, "export").ToList();
    }

    /// <summary>The month's export (see <see cref="WriteMonthAsync"/>) read back like <see cref="ReadBackAsync"/>.</summary>
    public Task<IReadOnlyList<ExportedTicket>> ReadBackMonthAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, asOf) = Range(month, now);
        return ReadBackAsync(from, asOf, cancellationToken);
    }

    /// <summary>Writes the tickets of [<paramref name="from"/>, <paramref name="asOf"/>) as they stood at <paramref name="asOf"/>.</summary>
    public async Task<int> WriteAsync(DateTimeOffset from, DateTimeOffset asOf, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var count = 0;
        if (asOf <= from)
        {
            return count;
        }

        var categories = catalogue is null ? null : (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue;
        await foreach (var ticket in history.ForPeriodAsync(from, asOf, cancellationToken).ConfigureAwait(false))
        {
            if (mapper.Map(ticket, asOf, categories) is not { } record)
            {
                continue;
            }

            await output.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(record, ExportJson.Options), cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    /// <summary>A month's export covers the month from its first local midnight (the contract's zone), as of its end (or now, if earlier).</summary>
    private (DateTimeOffset From, DateTimeOffset AsOf) Range(AssessmentMonth month, DateTimeOffset now)
    {
        var period = mapper.Clock.Month(month);
        return (period.Start, now < period.End ? now : period.End);
    }
}
