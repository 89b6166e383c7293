namespace Helpdesk.Domain.Common;

/// <summary>
/// The one place that turns a time-zone id (IANA, e.g. <c>America/Manaus</c>) into a <see cref="TimeZoneInfo"/>: the
/// contract names its zone, the contract loader resolves it here once, and everything else takes the contract's clock
/// (<see cref="Contracts.ContractClock"/>). <c>TimeZoneInfo.FindSystemTimeZoneById</c> is banned everywhere else
/// (BannedSymbols.txt), so that no code can pick a zone of its own.
/// </summary>
public static class TimeZones
{
    /// <summary>The zone with this id from the system's tz database (tzdata on Linux), or null when there is none.</summary>
    public static TimeZoneInfo? Resolve(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
#pragma warning disable RS0030 // The one allowed resolver (see the summary): reading the system's tz database by id is what this method is for.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
#pragma warning restore RS0030
    }
}
