namespace Helpdesk.Domain.Audit;

/// <summary>A record classified outside the complaint categories whose text has complaint words (seed 002, 5.2.4 d).</summary>
public sealed record MisclassificationFinding(string Protocol, string? Classification, IReadOnlyList<string> Keywords);
