namespace Helpdesk.Domain.Tickets;

/// <summary>Who caused an event: the requester, an agent (by user id), or the system itself.</summary>
public sealed record Actor(string Kind, string Id)
{
    public static Actor System { get; } = new("system", "helpdesk");

    public static Actor Requester(EmailAddress address) => new("requester", address.Value);

    public static Actor Agent(string userId) => new("agent", userId);

    public override string ToString() => Kind + ":" + Id;
}
