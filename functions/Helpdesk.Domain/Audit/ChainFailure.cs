namespace Helpdesk.Domain.Audit;

/// <summary>A ticket whose stored history fails its hash chain, at which event and why.</summary>
public sealed record ChainFailure(string Protocol, int? AtSequence, string Problem);
