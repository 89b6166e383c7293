using Helpdesk.Domain.Institutions;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Ports;

/// <summary>The editable table of e-mail domains → institutions.</summary>
public interface IInstitutionDirectory
{
    Task<IReadOnlyList<InstitutionMapping>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The institution of an address (longest matching domain), or null.</summary>
    Task<InstitutionMapping?> FindAsync(EmailAddress address, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the row of <see cref="InstitutionMapping.Domain"/>; true when something changed.</summary>
    Task<bool> UpsertAsync(InstitutionMapping mapping, string changedBy, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(string domain, CancellationToken cancellationToken);
}
