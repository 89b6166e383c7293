using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Infrastructure.Tests.Configuration;

/// <summary>The behaviour every <see cref="ICatalogueStore"/> adapter must have (SQLite, Cosmos DB): the built-in default
/// at version 0 until the first save, each save one version up, and a save at a version that is no longer the stored one
/// refused, also when two callers race with the same version.</summary>
public abstract class CatalogueStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 10, 5, 13, 0, 0, TimeSpan.Zero);

    protected abstract ICatalogueStore Store { get; }

    /// <summary>Stores <paramref name="document"/> at version 1 the way this adapter did before reason keywords were
    /// catalogue data (the same row or item, written directly).</summary>
    protected abstract Task StoreAsAnOlderVersionDidAsync(string document);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_empty_store_answers_the_built_in_catalogue_at_version_0()
    {
        var stored = await Store.GetAsync(Ct);

        Assert.Equal(0, stored.Version);
        Assert.Same(SupportCatalogue.Default, stored.Catalogue);
    }

    [Fact]
    public async Task Each_save_is_read_back_one_version_up()
    {
        var first = await Store.SaveAsync(Renamed("Reclamação formal"), 0, "supervisor.ana", Now, Ct);
        var second = await Store.SaveAsync(Renamed("Reclamação (ouvidoria)"), 1, "supervisor.bia", Now.AddMinutes(5), Ct);

        var read = await Store.GetAsync(Ct);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, read.Version);
        Assert.Equal("Reclamação (ouvidoria)", read.Catalogue.Categories.Single(c => c.Code == "complaint").Name);
        Assert.Equal(Describe(Renamed("Reclamação (ouvidoria)")), Describe(read.Catalogue));
    }

    [Fact]
    public async Task A_save_at_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        await Store.SaveAsync(Renamed("Reclamação formal"), 0, "supervisor.ana", Now, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Renamed("Outra"), 0, "supervisor.bia", Now, Ct));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Renamed("Outra"), 2, "supervisor.bia", Now, Ct));

        var read = await Store.GetAsync(Ct);
        Assert.Equal(1, read.Version);
        Assert.Equal("Reclamação formal", read.Catalogue.Categories.Single(c => c.Code == "complaint").Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Of_two_saves_with_the_same_version_one_wins_and_the_other_is_a_conflict(int savesBefore)
    {
        for (var v = 0; v < savesBefore; v++)
        {
            await Store.SaveAsync(Renamed("Antes " + v), v, "supervisor.ana", Now, Ct);
        }

        var results = await Task.WhenAll(
            Attempt(Renamed("Versão da Ana"), savesBefore, "supervisor.ana"),
            Attempt(Renamed("Versão da Bia"), savesBefore, "supervisor.bia"));

        Assert.Single(results, r => r.Saved is not null);
        Assert.Single(results, r => r.Conflict is not null);
        var winner = results.Single(r => r.Saved is not null).Saved!;
        Assert.Equal(savesBefore + 1, winner.Version);
        var read = await Store.GetAsync(Ct);
        Assert.Equal(savesBefore + 1, read.Version);
        Assert.Equal(Describe(winner.Catalogue), Describe(read.Catalogue));
    }

    [Fact]
    public async Task A_catalogue_stored_by_an_older_version_without_keywords_reads_back_with_the_built_in_ones()
    {
        var legacy = System.Text.Json.Nodes.JsonNode.Parse(Describe(Renamed("Reclamação formal")))!;
        foreach (var group in legacy["groups"]!.AsArray())
        {
            Assert.True(group!.AsObject().Remove("reasonKeywords"));
        }

        await StoreAsAnOlderVersionDidAsync(legacy.ToJsonString());
        var read = await Store.GetAsync(Ct);

        Assert.Equal(1, read.Version);
        Assert.Equal(Describe(Renamed("Reclamação formal")), Describe(read.Catalogue));
        Assert.Equal(["vpn", "rede", "conexão", "wi-fi", "internet"], read.Catalogue.FindGroup("network")!.ReasonKeywords);
    }

    private async Task<(StoredCatalogue? Saved, ConcurrencyConflictException? Conflict)> Attempt(SupportCatalogue catalogue, int version, string by)
    {
        await Task.Yield();
        try
        {
            return (await Store.SaveAsync(catalogue, version, by, Now, Ct), null);
        }
        catch (ConcurrencyConflictException conflict)
        {
            return (null, conflict);
        }
    }

    /// <summary>The built-in catalogue with the complaint category renamed.</summary>
    private static SupportCatalogue Renamed(string complaintName) => new(
        [.. SupportCatalogue.Default.Categories.Select(c => c.Code == "complaint" ? c with { Name = complaintName } : c)],
        SupportCatalogue.Default.Priorities,
        SupportCatalogue.Default.Groups);

    /// <summary>The catalogue as JSON, to compare a read-back catalogue (whose lists are new instances) by value.</summary>
    private static string Describe(SupportCatalogue catalogue) => System.Text.Json.JsonSerializer.Serialize(catalogue, Helpdesk.Application.JsonDefaults.Options);
}
