namespace Helpdesk.Domain.Common;

/// <summary>The product's civil time zone: America/Sao_Paulo (what users see, protocol years, day boundaries).</summary>
public static class SaoPaulo
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>dd/MM/yyyy HH:mm in São Paulo time, as users read it.</summary>
    public static string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString("dd/MM/yyyy 'às' HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
