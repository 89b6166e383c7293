namespace Helpdesk.Domain.Indicators;

/// <summary>A volume that moved beyond the threshold against a reference ("previousYear" or "trend").</summary>
public sealed record VolumeAnomaly(Dimension Dimension, string Value, string Reference, decimal ReferenceVolume, long Volume, decimal ChangePercent);
