namespace Helpdesk.Domain.Indicators;

/// <summary>One reading of the contract in force for a month's figures: the contract setting (its path in the contract
/// document), its value, and the seed clause it rests on. Every summary lists them (JSON, CSV, XLSX, HTML), so that
/// finance and the auditor see how the annex was read.</summary>
public sealed record AssessmentReading(string Setting, string Value, string Clause);
