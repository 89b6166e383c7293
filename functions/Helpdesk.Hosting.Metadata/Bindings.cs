using System.Text.Json.Nodes;

namespace Helpdesk.Hosting.Metadata;

/// <summary>One binding of a function, as the Functions host reads it from function.json.</summary>
public abstract record Binding(string Name)
{
    public abstract string Type { get; }

    public abstract string Direction { get; }

    public virtual JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["direction"] = Direction,
    };
}

/// <summary>Authorization levels of HTTP functions.</summary>
public enum AuthLevel
{
    Anonymous,
    Function,
    Admin,
}

public sealed record HttpTrigger(string Route, IReadOnlyList<string> Methods, AuthLevel AuthLevel, string Name = "req") : Binding(Name)
{
    public override string Type => "httpTrigger";

    public override string Direction => "in";

    public override JsonObject ToJson()
    {
        var json = base.ToJson();
        json["authLevel"] = AuthLevel.ToString().ToLowerInvariant();
        json["methods"] = new JsonArray([.. Methods.Select(m => (JsonNode)m.ToLowerInvariant())]);
        json["route"] = Route;
        return json;
    }
}

public sealed record HttpOutput(string Name = "res") : Binding(Name)
{
    public override string Type => "http";

    public override string Direction => "out";
}

/// <summary>A timer: 6-field NCRONTAB in UTC.</summary>
public sealed record TimerTrigger(string Schedule, string Name = "timer") : Binding(Name)
{
    public override string Type => "timerTrigger";

    public override string Direction => "in";

    public override JsonObject ToJson()
    {
        var json = base.ToJson();
        json["schedule"] = Schedule;
        json["useMonitor"] = true;
        json["runOnStartup"] = false;
        return json;
    }
}

public sealed record ServiceBusTrigger(string QueueName, string Connection = ServiceBusTrigger.DefaultConnection, string Name = "msg") : Binding(Name)
{
    /// <summary>App-setting prefix of the Service Bus connection (identity-based: <c>ServiceBusConnection__fullyQualifiedNamespace</c>).</summary>
    public const string DefaultConnection = "ServiceBusConnection";

    public override string Type => "serviceBusTrigger";

    public override string Direction => "in";

    public override JsonObject ToJson()
    {
        var json = base.ToJson();
        json["queueName"] = QueueName;
        json["connection"] = Connection;
        return json;
    }
}

/// <summary>A Service Bus output. <c>dataType: binary</c> keeps the host from base64-decoding our text (FUNCTIONS-HOST.md §4).</summary>
public sealed record ServiceBusOutput(string Name, string QueueName, string Connection = ServiceBusTrigger.DefaultConnection) : Binding(Name)
{
    public override string Type => "serviceBus";

    public override string Direction => "out";

    public override JsonObject ToJson()
    {
        var json = base.ToJson();
        json["queueName"] = QueueName;
        json["connection"] = Connection;
        json["dataType"] = "binary";
        return json;
    }
}

/// <summary>A Cosmos DB change-feed trigger (extension 4.x names).</summary>
public sealed record CosmosDbTrigger(string DatabaseName, string ContainerName, string LeaseContainerName, string Connection = CosmosDbTrigger.DefaultConnection, string Name = "documents") : Binding(Name)
{
    /// <summary>App-setting prefix of the Cosmos DB connection (identity-based: <c>CosmosDbConnection__accountEndpoint</c>).</summary>
    public const string DefaultConnection = "CosmosDbConnection";

    public override string Type => "cosmosDBTrigger";

    public override string Direction => "in";

    public override JsonObject ToJson()
    {
        var json = base.ToJson();
        json["connection"] = Connection;
        json["databaseName"] = DatabaseName;
        json["containerName"] = ContainerName;
        json["leaseContainerName"] = LeaseContainerName;
        json["createLeaseContainerIfNotExists"] = false;
        return json;
    }
}
