namespace Helpdesk.Application.Ports;

/// <summary>Makes new unique ids (a port, so that tests can make them deterministic).</summary>
public interface IIdGenerator
{
    Guid NewId();
}
