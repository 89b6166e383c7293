namespace Helpdesk.Domain.Indicators;

public enum IndicatorUnit
{
    Percent,
    Seconds,
}
