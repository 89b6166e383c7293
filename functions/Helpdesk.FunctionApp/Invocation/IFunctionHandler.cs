namespace Helpdesk.FunctionApp.Invocation;

/// <summary>Handles the non-HTTP invocations of one declared function (its name matches the catalogue).</summary>
public interface IFunctionHandler
{
    string FunctionName { get; }

    Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}
