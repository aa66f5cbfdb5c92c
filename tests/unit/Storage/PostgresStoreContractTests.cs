using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Core.Tests.Storage;

namespace PreferenceUiKit.Storage.Tests;

/// <summary>The store contract against PostgreSQL (a fresh database per test).</summary>
public sealed class PostgresStoreContractTests : PreferenceStoreContract, IAsyncLifetime
{
    private TestDatabase? _db;

    protected override async Task<IPreferenceStore> CreateStoreAsync(TimeProvider time)
    {
        _db = await TestDatabase.PostgresAsync();
        return _db.Store(time);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}
