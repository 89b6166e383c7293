using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets.History;

/// <summary>How one use rewrites the personal data of a history entry: <see cref="Text"/> for what people wrote about
/// themselves or the case (subjects, names, message bodies, notes, survey comments), <see cref="Mention"/> for short staff
/// texts that may mention the person (reasons, resolutions, external references), <see cref="Address"/> for e-mail
/// addresses (fields and the requester's actor id) and <see cref="TaxId"/> for the CPF/CNPJ digits (null removes it).
/// Masking for a viewer and the erasure of a data subject are two instances.</summary>
/// <see cref="KeepsFiles"/>: whether the entries keep their attachments (names rewritten as <see cref="Text"/>); an
/// erasure removes them, so that no output can name or serve the person's files any more (issue 20, §6).
public sealed record PersonalDataRewrite(Func<string, string> Text, Func<string, string> Mention, Func<string, string> Address, Func<string, string?> TaxId, bool KeepsFiles = true);

/// <summary>
/// The one list of where personal data sits in each kind of history entry (LGPD: requesters' e-mail, name, CPF/CNPJ and
/// what they wrote, and what staff wrote about them). Every output that shows history, and the erasure of a data
/// subject, go through <see cref="Rewrite(TicketEvent, PersonalDataRewrite)"/>, so that a new event kind with personal
/// data is handled in one place. Codes, protocols, instants, levels, groups and scores are not personal and never change.
/// </summary>
public static class PersonalFields
{
    /// <summary>The entry with its personal data rewritten; sequence, instant and hashes are kept as stored (a rewritten
    /// entry no longer recomputes to its hash: verify the original, or a sealed erasure, see
    /// <see cref="HistoryVerification"/>).</summary>
    public static TicketEvent Rewrite(TicketEvent e, PersonalDataRewrite rewrite)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(rewrite);
        var actor = e.Actor.Kind == "requester" ? e.Actor with { Id = rewrite.Address(e.Actor.Id) } : e.Actor;
        return e with { Actor = actor, Data = Rewrite(e.Data, rewrite) };
    }

    public static TicketEventData Rewrite(TicketEventData data, PersonalDataRewrite rewrite)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rewrite);
        string T(string text) => rewrite.Text(text);
        string? O(string? text) => text is null ? null : rewrite.Text(text);
        string M(string text) => rewrite.Mention(text);
        string? Mo(string? text) => text is null ? null : rewrite.Mention(text);
        return data switch
        {
            TicketRegistered r => r with
            {
                Subject = T(r.Subject),
                RequesterEmail = rewrite.Address(r.RequesterEmail),
                RequesterName = O(r.RequesterName),
                RequesterTaxId = r.RequesterTaxId is { } digits ? rewrite.TaxId(digits) : null,
            },
            MessageReceived m => m with
            {
                From = rewrite.Address(m.From),
                Subject = T(m.Subject),
                Text = T(m.Text),
                Html = O(m.Html),
                Attachments = Files(m.Attachments, rewrite),
                RefusedAttachments = rewrite.KeepsFiles ? m.RefusedAttachments?.Select(r => r with { Name = T(r.Name) }).ToList() : null,
            },
            MessageSent s => s with { To = rewrite.Address(s.To), Subject = T(s.Subject), Text = T(s.Text), Attachments = Files(s.Attachments, rewrite) },
            SatisfactionRated s => s with { Comment = O(s.Comment) },
            InternalNoteAdded n => n with { Text = T(n.Text) },
            TicketForwardedToExternalTeam f => f with { Reference = M(f.Reference), Reason = M(f.Reason) },
            ExternalTeamReturned r => r with { Reference = M(r.Reference), Note = O(r.Note) },
            TicketResolved r => r with { Resolution = M(r.Resolution) },
            TicketEscalated x => x with { Reason = M(x.Reason) },
            TicketPendingOnRequester p => p with { Reason = M(p.Reason) },
            TicketResumed r => r with { Reason = M(r.Reason) },
            TicketReopened r => r with { Reason = M(r.Reason) },
            TicketClosed c => c with { Reason = M(c.Reason) },
            TicketCancelled c => c with { Reason = M(c.Reason) },
            TicketMerged m => m with { Reason = M(m.Reason) },
            TicketUfChanged u => u with { Reason = Mo(u.Reason) },
            EscalationRouted r => r with { Explanation = M(r.Explanation) },
            PersonalDataErased x => x with { Reason = M(x.Reason) },
            _ => data,
        };
    }

    /// <summary>A message's files as the rewrite shows them: each name rewritten (a file name is something the person
    /// wrote, and often names them or their CPF), or none at all for an erasure.</summary>
    private static List<Attachments.AttachmentRef>? Files(IReadOnlyList<Attachments.AttachmentRef>? files, PersonalDataRewrite rewrite) =>
        files is null || !rewrite.KeepsFiles ? null : [.. files.Select(f => f with { Name = rewrite.Text(f.Name) })];
}
