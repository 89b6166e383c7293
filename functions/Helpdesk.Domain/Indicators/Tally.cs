namespace Helpdesk.Domain.Indicators;

/// <summary>A count and the protocols behind it (volumes, backlog).</summary>
public sealed class Tally
{
    private readonly List<string> _protocols = [];

    public int Count => _protocols.Count;

    public IReadOnlyList<string> Protocols => _protocols;

    public void Add(string protocol) => _protocols.Add(protocol);
}
