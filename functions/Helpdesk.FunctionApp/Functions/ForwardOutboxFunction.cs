using System.Text.Json;
using Helpdesk.Application.Functions;
using Helpdesk.FunctionApp.Invocation;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>
/// Cosmos DB change feed of the tickets container: every outbox item (<c>"type": "outbox"</c>, with <c>queue</c> and
/// <c>body</c>) is forwarded to its queue's Service Bus output. Other documents are ignored. The same item seen twice is
/// forwarded twice, which consumers tolerate (they deduplicate on the outbox id inside the body).
/// </summary>
public sealed class ForwardOutboxFunction : IFunctionHandler
{
    private static readonly Dictionary<string, string> OutputByQueue = FunctionCatalog.ForwardOutbox.Outputs
        .OfType<ServiceBusOutput>()
        .ToDictionary(o => o.QueueName, o => o.Name, StringComparer.Ordinal);

    public string FunctionName => FunctionCatalog.ForwardOutbox.Name;

    public Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var text = InvocationData.UnwrapString(request.Required(FunctionCatalog.ForwardOutbox.Trigger.Name));
        JsonDocument documents;
        try
        {
            documents = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException("The change feed payload is not a JSON array of documents.", ex);
        }

        using (documents)
        {
            if (documents.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidInvocationException("The change feed payload is not a JSON array of documents.");
            }

            var outputs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var forwarded = 0;
            foreach (var document in documents.RootElement.EnumerateArray())
            {
                if (!IsOutboxItem(document, out var queue, out var body))
                {
                    continue;
                }

                if (!OutputByQueue.TryGetValue(queue, out var output))
                {
                    throw new InvalidInvocationException($"Outbox item for unknown queue '{queue}'.");
                }

                if (!outputs.TryGetValue(output, out var list))
                {
                    list = [];
                    outputs[output] = list;
                }

                list.Add(body);
                forwarded++;
            }

            var response = new InvocationResponse { Logs = [$"forwarded {forwarded} outbox item(s)"] };
            foreach (var (name, bodies) in outputs)
            {
                response.Outputs[name] = bodies;
            }

            return Task.FromResult(response);
        }
    }

    private static bool IsOutboxItem(JsonElement document, out string queue, out string body)
    {
        queue = body = string.Empty;
        if (document.ValueKind != JsonValueKind.Object ||
            !document.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "outbox")
        {
            return false;
        }

        if (!document.TryGetProperty("queue", out var q) || q.ValueKind != JsonValueKind.String ||
            !document.TryGetProperty("body", out var b) || b.ValueKind != JsonValueKind.String)
        {
            throw new InvalidInvocationException("An outbox item lacks its queue or body.");
        }

        queue = q.GetString()!;
        body = b.GetString()!;
        return true;
    }
}
