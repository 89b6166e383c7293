namespace Helpdesk.Domain.Audit;

/// <summary>A complaint that looks like a reopening but is not flagged as one: the requester (by CPF/CNPJ or e-mail)
/// complained before within the window, and the text has reopening words (<see cref="Keywords"/>, may be empty when
/// only repetition was found).</summary>
public sealed record ReopenFinding(string Protocol, string Requester, string PreviousProtocol, DateTimeOffset RegisteredAt, IReadOnlyList<string> Keywords);
