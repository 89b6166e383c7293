namespace Helpdesk.Domain.Attachments;

/// <summary>A part of a message that was not kept, listed on the ticket: its safe name, its size and why (pt-BR, shown
/// to agents and quoted to the requester in the acknowledgment).</summary>
public sealed record RefusedAttachment(string Name, long Size, string Reason);
