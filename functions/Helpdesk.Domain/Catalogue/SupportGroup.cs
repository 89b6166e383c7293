namespace Helpdesk.Domain.Catalogue;

/// <summary>A support group ("grupo de atendimento", a queue) at level 1 or level 2.</summary>
public sealed record SupportGroup(string Code, string Name, int Level)
{
    public const int Level1 = 1;
    public const int Level2 = 2;
}
