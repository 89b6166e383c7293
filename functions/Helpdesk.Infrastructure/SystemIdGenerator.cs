using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure;

/// <summary>Time-ordered ids (UUID v7), which also keep SQLite and Cosmos indexes append-friendly.</summary>
public sealed class SystemIdGenerator(TimeProvider clock) : IIdGenerator
{
    public Guid NewId() => Guid.CreateVersion7(clock.GetUtcNow());
}
