namespace Helpdesk.Benchmarks.Cosmos;

/// <summary>
/// An estimate of request units from the documented model ("Understand request unit consumption", Azure Cosmos DB
/// docs: RU of a read and of a write by document size, session consistency, default indexing): linear between the
/// table's sizes. Writes (create, upsert, replace) are charged by the size of the item written; a patch by the size of
/// the item it leaves ("normalized ... in the same way as other database operations; users shouldn't expect a
/// significant reduction in RU": partial document update FAQ); a read by the size read; a delete as a 1 KB write; a
/// query, which the table does not cover, as a read of what it returns (a lower bound: queries also pay for index
/// look-ups). Requests that failed by design (404 read, 409 create, 412) are charged as a 1 KB read.
/// </summary>
public static class RuModel
{
    private static readonly (double Kb, double Read, double Write)[] Table =
    [
        (1, 1.00, 4.95), (2, 1.04, 6.29), (4, 1.14, 6.67), (8, 1.33, 7.04), (16, 1.67, 9.52), (32, 2.19, 11.23),
        (64, 4.76, 22.67), (128, 9.95, 48.19), (256, 20.28, 98.29), (512, 40.95, 184.57), (1024, 145.90, 625.00),
        (2048, 291.80, 1250.00),
    ];

    public const string Source = "https://learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption";

    public static double Estimate(CosmosRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status >= 400)
        {
            return Read(1024);
        }

        return request.Kind switch
        {
            "create" or "upsert" or "replace" => Write(request.BytesWritten),
            "patch" => Write(request.BytesRead), // the item as the patch left it (content response on)
            "delete" => Write(1024),
            "read" or "query" => Read(request.BytesRead),
            _ => 0, // metadata: the SDK's caches, not per ticket
        };
    }

    public static double Read(long bytes) => Interpolate(bytes, t => t.Read);

    public static double Write(long bytes) => Interpolate(bytes, t => t.Write);

    private static double Interpolate(long bytes, Func<(double Kb, double Read, double Write), double> column)
    {
        var kb = Math.Max(1, bytes / 1024.0);
        for (var i = 1; i < Table.Length; i++)
        {
            if (kb <= Table[i].Kb)
            {
                var (lo, hi) = (Table[i - 1], Table[i]);
                return column(lo) + ((column(hi) - column(lo)) * (kb - lo.Kb) / (hi.Kb - lo.Kb));
            }
        }

        return column(Table[^1]) * kb / Table[^1].Kb;
    }
}
