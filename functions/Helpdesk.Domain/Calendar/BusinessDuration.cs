using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Helpdesk.Domain.Calendar;

/// <summary>
/// An amount in one <see cref="DurationUnit"/>: whole business days, or a non-negative time span of business or
/// wall-clock hours (whole seconds). Text form: <c>"5 business days"</c>, <c>"8 business hours"</c>, <c>"24 hours"</c>,
/// <c>"1.5 business hours"</c>.
/// </summary>
public readonly record struct BusinessDuration
{
    private BusinessDuration(DurationUnit unit, int days, TimeSpan time)
    {
        Unit = unit;
        Days = days;
        Time = time;
    }

    public DurationUnit Unit { get; }

    /// <summary>The number of business days; 0 for the hour units.</summary>
    public int Days { get; }

    /// <summary>The amount of business or wall-clock time; zero for business days.</summary>
    public TimeSpan Time { get; }

    public bool IsZero => Days == 0 && Time == TimeSpan.Zero;

    public static BusinessDuration BusinessDays(int days) =>
        days < 0 ? throw new ArgumentOutOfRangeException(nameof(days), days, "A duration cannot be negative.") : new(DurationUnit.BusinessDays, days, TimeSpan.Zero);

    public static BusinessDuration BusinessHours(TimeSpan time) => new(DurationUnit.BusinessHours, 0, CheckTime(time));

    public static BusinessDuration Hours(TimeSpan time) => new(DurationUnit.Hours, 0, CheckTime(time));

    public static BusinessDuration Zero(DurationUnit unit) => new(unit, 0, TimeSpan.Zero);

    /// <summary>The amount as a number in the unit (days, or hours).</summary>
    public double Amount => Unit == DurationUnit.BusinessDays ? Days : Time.TotalHours;

    /// <summary>
    /// Parses <c>"&lt;N&gt; business days|&lt;N&gt; business hours|&lt;N&gt; hours"</c> (also "1 business day", "1 hour").
    /// N is a whole number for days, and a number with at most the precision of one second for hours.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out BusinessDuration value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var parts = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3)
        {
            error = $"'{text}' is not a duration; write '<N> business days', '<N> business hours' or '<N> hours'.";
            return false;
        }

        var unitText = string.Join(' ', parts[1..]).ToLowerInvariant();
        DurationUnit unit;
        switch (unitText)
        {
            case "business days" or "business day":
                unit = DurationUnit.BusinessDays;
                break;
            case "business hours" or "business hour":
                unit = DurationUnit.BusinessHours;
                break;
            case "hours" or "hour":
                unit = DurationUnit.Hours;
                break;
            default:
                error = $"unknown unit '{unitText}'; use 'business days', 'business hours' or 'hours'.";
                return false;
        }

        if (unit == DurationUnit.BusinessDays)
        {
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                error = $"'{parts[0]}' is not a whole, non-negative number of business days.";
                return false;
            }

            value = BusinessDays(days);
            error = null;
            return true;
        }

        if (!decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) || hours > 1_000_000m)
        {
            error = $"'{parts[0]}' is not a non-negative number of hours.";
            return false;
        }

        var seconds = hours * 3600m;
        if (seconds != decimal.Truncate(seconds))
        {
            error = $"'{parts[0]}' hours is not a whole number of seconds.";
            return false;
        }

        var time = TimeSpan.FromSeconds((long)seconds);
        value = unit == DurationUnit.BusinessHours ? BusinessHours(time) : Hours(time);
        error = null;
        return true;
    }

    public override string ToString()
    {
        var unit = Unit switch
        {
            DurationUnit.BusinessDays => "business days",
            DurationUnit.BusinessHours => "business hours",
            _ => "hours",
        };
        var amount = Unit == DurationUnit.BusinessDays
            ? Days.ToString(CultureInfo.InvariantCulture)
            : ((decimal)Time.Ticks / TimeSpan.TicksPerHour).ToString("0.######", CultureInfo.InvariantCulture);
        return amount + " " + unit;
    }

    private static TimeSpan CheckTime(TimeSpan time) =>
        time < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(time), time, "A duration cannot be negative.") : time;
}
