namespace Helpdesk.Domain.Contracts;

/// <summary>One problem in a contract definition: <see cref="Path"/> names the field (e.g. <c>calendar.businessHours.monday[1].end</c>).</summary>
public sealed record ContractError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
