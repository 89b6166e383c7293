namespace Helpdesk.Domain.Penalties;

public enum JustificationDecision
{
    Accepted,
    Rejected,
}
