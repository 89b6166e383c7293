using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The indexing policy the adapter applies (the same file the Bicep template deploys) serves the list queries.</summary>
public sealed class TicketsIndexingPolicyTests
{
    private static IndexingPolicy Policy()
    {
        var properties = new ContainerProperties("tickets", "/pk");
        CosmosConnection.ApplyIndexingPolicy(properties);
        return properties.IndexingPolicy;
    }

    [Fact]
    public void The_history_the_outbox_and_the_search_text_are_not_indexed()
    {
        var policy = Policy();

        Assert.Equal(IndexingMode.Consistent, policy.IndexingMode);
        Assert.Equal(["/*"], policy.IncludedPaths.Select(p => p.Path));
        Assert.Equal(["/events/*", "/outbox/*", "/searchText/?", "/searchTextTaxIdsMasked/?", "/searchTextMasked/?", "/figures/*", "/body/?", "/document/*", "/\"_etag\"/?"], policy.ExcludedPaths.Select(p => p.Path));
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("/level")]
    [InlineData("/supportGroup")]
    [InlineData("/assignee")]
    public void Each_queue_filter_has_a_composite_index_ending_in_the_protocol_order(string field)
    {
        Assert.Contains(Policy().CompositeIndexes, index =>
            index.Select(p => (p.Path, p.Order)).SequenceEqual([("/type", CompositePathSortOrder.Ascending), (field, CompositePathSortOrder.Ascending), ("/protocol", CompositePathSortOrder.Descending)]));
    }

    [Theory]
    [InlineData("/sweepWarnAt")]
    [InlineData("/sweepEscalateAt")]
    public void Each_sweep_instant_has_a_composite_index_for_the_urgency_order(string field)
    {
        Assert.Contains(Policy().CompositeIndexes, index =>
            index.Select(p => (p.Path, p.Order)).SequenceEqual([("/type", CompositePathSortOrder.Ascending), (field, CompositePathSortOrder.Ascending)]));
    }

    [Fact]
    public void The_list_query_uses_only_fields_the_list_item_has_and_names_its_partition()
    {
        var (sql, parameters) = CosmosTicketQueries.Build(new TicketQuery { Level = 2, Group = "network", Assignee = "ana", Unassigned = false, Text = "rede" }, 26, "20260000010");

        Assert.StartsWith("SELECT TOP 26 ", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE c.pk = @pk AND c.type = @type", sql, StringComparison.Ordinal);
        Assert.Contains("c.supportGroup = @supportGroup", sql, StringComparison.Ordinal);
        Assert.EndsWith("AND c.protocol < @before ORDER BY c.protocol DESC", sql, StringComparison.Ordinal);
        Assert.Equal("network", parameters["@supportGroup"]);
        Assert.Equal("rede", parameters["@t0"]);
    }
}
