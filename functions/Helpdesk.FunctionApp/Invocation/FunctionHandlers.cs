using Helpdesk.Hosting.Metadata;

namespace Helpdesk.FunctionApp.Invocation;

/// <summary>
/// The handler of every non-HTTP function of the catalogue, by name. Built when first needed (an invocation, or
/// <c>StartupWarmUp</c> right after the server listens), not while the endpoints are mapped: building it builds every
/// handler and, through them, the stores, which the readiness probe must not wait for.
/// </summary>
public sealed class FunctionHandlers
{
    private readonly Dictionary<string, IFunctionHandler> _byName;

    public FunctionHandlers(IEnumerable<IFunctionHandler> handlers)
    {
        _byName = handlers.ToDictionary(h => h.FunctionName, StringComparer.Ordinal);
        foreach (var function in FunctionCatalog.All.Where(f => f.Trigger is not HttpTrigger))
        {
            if (!_byName.ContainsKey(function.Name))
            {
                throw new InvalidOperationException($"The function {function.Name} is declared but has no handler.");
            }
        }
    }

    public IFunctionHandler this[string functionName] => _byName[functionName];
}
