using Helpdesk.Domain.Calendar;

namespace Helpdesk.Application.Sla;

/// <summary>Durations as people read them in pt-BR (web pages and Teams cards): "2 dias úteis", "6 h 30 min úteis", "45 min".</summary>
public static class DurationText
{
    public static string Duration(TimeSpan duration)
    {
        var negative = duration < TimeSpan.Zero;
        var d = negative ? duration.Negate() : duration;
        var text = d.TotalHours >= 1
            ? $"{(int)d.TotalHours} h {d.Minutes:00} min"
            : $"{Math.Max(0, (int)Math.Round(d.TotalMinutes))} min";
        return negative ? "-" + text : text;
    }

    public static string BusinessAmount(BusinessDuration amount) => amount.Unit switch
    {
        DurationUnit.BusinessDays => amount.Days == 1 ? "1 dia útil" : $"{amount.Days} dias úteis",
        DurationUnit.BusinessHours => Duration(amount.Time) + " úteis",
        _ => Duration(amount.Time),
    };
}
