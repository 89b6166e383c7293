namespace Helpdesk.Application.Ports;

/// <summary>Wakes the embedded outbox dispatcher as soon as a write adds outbox messages.</summary>
public interface IOutboxSignal
{
    void Notify();
}
