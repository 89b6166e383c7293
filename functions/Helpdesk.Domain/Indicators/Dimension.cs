namespace Helpdesk.Domain.Indicators;

/// <summary>The dimensions management figures are broken down by.</summary>
public enum Dimension
{
    Level,
    Group,
    Category,
    Channel,
    Institution,
    Uf,
}
