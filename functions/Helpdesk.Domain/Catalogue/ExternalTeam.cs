namespace Helpdesk.Domain.Catalogue;

/// <summary>A team outside the service desk to which level 2 forwards tickets (seed 001: "equipes de suporte à produção
/// dos serviços e equipes de desenvolvimento"). The teams are contract data (<c>externalTeams</c> section); the team keeps
/// its own record of the work, whose reference the ticket carries.</summary>
public sealed record ExternalTeam(string Code, string Name)
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;
}
