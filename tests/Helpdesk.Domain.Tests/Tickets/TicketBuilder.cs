using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Tests.Tickets;

/// <summary>Brings a ticket to a given status through its own verbs (never by writing state).</summary>
internal static class TicketBuilder
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    public static readonly Actor Agent = Actor.Agent("ana.agente");
    public static readonly SupportGroup ServiceDesk = new("service-desk", "Central de serviços", SupportGroup.Level1);
    public static readonly SupportGroup Network = new("network", "Redes", SupportGroup.Level2);
    public static readonly SupportGroup Systems = new("systems", "Sistemas", SupportGroup.Level2);

    private static int s_counter;

    public static Ticket New(int counter = 0)
    {
        var n = counter > 0 ? counter : Interlocked.Increment(ref s_counter);
        var request = new NewTicket("Erro no login", "Não consigo entrar.", EmailAddress.Parse("maria@ifsp.edu.br"), "Maria", Channel.Email, T0.AddMinutes(-1))
        {
            MessageId = $"m{n}@ifsp.edu.br",
        };
        return Ticket.Register(new TicketId(new Guid(n, 0, 0, new byte[8])), ProtocolNumber.Create(2026, n), request, T0);
    }

    public static Ticket InStatus(TicketStatus status)
    {
        var t = New();
        var at = T0.AddMinutes(5);
        switch (status)
        {
            case TicketStatus.New:
                break;
            case TicketStatus.Open:
                t.Assign("ana.agente", null, Agent, at);
                break;
            case TicketStatus.PendingOnRequester:
                t.Assign("ana.agente", null, Agent, at);
                t.SetPendingOnRequester("Aguardando print do erro", Agent, at.AddMinutes(1));
                break;
            case TicketStatus.Resolved:
                t.Assign("ana.agente", null, Agent, at);
                t.Resolve(true, "Senha redefinida.", Agent, at.AddMinutes(1));
                break;
            case TicketStatus.Closed:
                t.Assign("ana.agente", null, Agent, at);
                t.Resolve(true, "Senha redefinida.", Agent, at.AddMinutes(1));
                t.Close("Confirmado pelo solicitante", Agent, at.AddMinutes(2));
                break;
            case TicketStatus.Cancelled:
                t.Cancel("Aberto por engano", Agent, at);
                break;
            case TicketStatus.Merged:
                t.MergeInto(New(), "Duplicado", Agent, at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }

        t.MarkCommitted();
        return t;
    }
}
