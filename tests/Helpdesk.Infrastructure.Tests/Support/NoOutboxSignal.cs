using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>No dispatcher listens in these tests: the outbox signal goes nowhere.</summary>
internal sealed class NoOutboxSignal : IOutboxSignal
{
    public void Notify()
    {
    }
}
