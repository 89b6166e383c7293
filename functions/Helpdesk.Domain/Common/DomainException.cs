namespace Helpdesk.Domain.Common;

/// <summary>A rule of the domain was broken (an illegal move, an invalid value). The message is in English for logs;
/// <see cref="Code"/> is a stable identifier the edges map to user-facing text.</summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
