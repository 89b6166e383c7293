namespace Helpdesk.Domain.Penalties;

/// <summary>An activity (service order) delivered late: its protocol, value and lateness in hours (&gt; 0).</summary>
public sealed record LateActivity(string Protocol, Money Value, decimal HoursLate);
