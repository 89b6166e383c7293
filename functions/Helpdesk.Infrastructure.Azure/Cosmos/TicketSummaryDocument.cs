using System.Text.Json.Nodes;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The list item of a ticket (<c>type: ticketSummary</c>): the fields agents' lists filter and show, kept in the
/// partition of the ticket's protocol year (<c>list-{year}</c>) so that a list is a single-partition query per year
/// (docs/decisions/ADR-013-cosmos-ticket-lists.md). Written by the store after each ticket write, never older than
/// what it replaces (<c>version</c> guard).
/// </summary>
internal static class TicketSummaryDocument
{
    public static JsonObject Create(Ticket ticket, TicketDeadline deadline)
    {
        var id = ticket.Id.ToString();
        var sweep = SweepSchedule.Next(ticket, deadline);
        return new JsonObject
        {
            ["id"] = CosmosItems.Summary(id),
            ["pk"] = CosmosItems.ListPartition(ticket.Protocol.Year),
            ["type"] = CosmosItems.SummaryType,
            ["ticketId"] = id,
            ["protocol"] = ticket.Protocol.ToString(),
            ["status"] = ticket.Status.ToString(),
            ["subject"] = ticket.Subject,
            ["requesterEmail"] = ticket.RequesterEmail.Value,
            ["requesterName"] = ticket.RequesterName,
            ["institution"] = ticket.Institution,
            ["uf"] = ticket.Uf?.Code,
            ["channel"] = ticket.Channel.ToString(),
            ["level"] = ticket.Level,
            ["supportGroup"] = ticket.Group, // "group" is a keyword of the query language
            ["assignee"] = ticket.Assignee,
            ["category"] = ticket.Category,
            ["priority"] = ticket.Priority,
            ["receivedAt"] = Utc(ticket.ReceivedAt),
            ["registeredAt"] = Utc(ticket.RegisteredAt),
            ["updatedAt"] = Utc(ticket.History[^1].At),
            ["atRiskAt"] = deadline.AtRiskAt is { } atRisk ? Utc(atRisk) : null,
            ["dueAt"] = deadline.DueAt is { } due ? Utc(due) : null,
            ["sweepWarnAt"] = sweep.WarnAt is { } warn ? Utc(warn) : null, // the deadline sweep's index (CosmosTicketsNearDeadline)
            ["sweepEscalateAt"] = sweep.EscalateAt is { } escalate ? Utc(escalate) : null,
            ["version"] = ticket.History.Count,
            ["searchText"] = TicketSearchText.For(ticket),
            [SearchField(PersonalDataView.TaxIdsMasked)] = TicketSearchText.For(ticket, PersonalDataView.TaxIdsMasked),
            [SearchField(PersonalDataView.Masked)] = TicketSearchText.For(ticket, PersonalDataView.Masked),
        };
    }

    /// <summary>The field holding the search text of <paramref name="view"/> (the ticket's text as that view shows it).</summary>
    public static string SearchField(PersonalDataView view) => view switch
    {
        PersonalDataView.Full => "searchText",
        PersonalDataView.TaxIdsMasked => "searchTextTaxIdsMasked",
        _ => "searchTextMasked",
    };

    public static TicketSummary ToSummary(JsonObject item) => new(
        item["ticketId"]!.GetValue<string>(),
        item["protocol"]!.GetValue<string>(),
        Enum.Parse<TicketStatus>(item["status"]!.GetValue<string>()),
        item["subject"]!.GetValue<string>(),
        item["requesterEmail"]!.GetValue<string>(),
        Text(item, "requesterName"),
        Text(item, "institution"),
        Enum.Parse<Channel>(item["channel"]!.GetValue<string>()),
        item["level"]!.GetValue<int>(),
        Text(item, "supportGroup"),
        Text(item, "assignee"),
        Text(item, "category"),
        Text(item, "priority"),
        TicketDocument.ParseTime(item["registeredAt"]!.GetValue<string>()),
        TicketDocument.ParseTime(item["updatedAt"]!.GetValue<string>()),
        Text(item, "atRiskAt") is { } atRisk ? TicketDocument.ParseTime(atRisk) : null,
        Text(item, "dueAt") is { } due ? TicketDocument.ParseTime(due) : null,
        item["version"]!.GetValue<int>(),
        Text(item, "uf"));

    /// <summary>Instants in UTC, so that their ISO texts sort and compare as the instants do (breach filters).</summary>
    public static string Utc(DateTimeOffset at) => TicketDocument.Format(at.ToUniversalTime());

    private static string? Text(JsonObject item, string name) => item[name] is JsonValue value ? value.GetValue<string>() : null;
}
