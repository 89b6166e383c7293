using System.Diagnostics.CodeAnalysis;

namespace Helpdesk.Domain.Contracts;

/// <summary>Either a valid <see cref="ContractDefinition"/> or the list of every error found, each naming its field.</summary>
public sealed class ContractLoadResult
{
    private ContractLoadResult(ContractDefinition? definition, IReadOnlyList<ContractError> errors)
    {
        Definition = definition;
        Errors = errors;
    }

    public ContractDefinition? Definition { get; }

    public IReadOnlyList<ContractError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Definition))]
    public bool IsSuccess => Definition is not null;

    public static ContractLoadResult Success(ContractDefinition definition) => new(definition, []);

    public static ContractLoadResult Failure(IReadOnlyList<ContractError> errors) => new(null, errors);
}
