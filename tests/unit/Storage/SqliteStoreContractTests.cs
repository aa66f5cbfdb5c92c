using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Core.Tests.Storage;

namespace PreferenceUiKit.Storage.Tests;

/// <summary>The store contract against SQLite (a fresh file per test).</summary>
public sealed class SqliteStoreContractTests : PreferenceStoreContract, IAsyncLifetime
{
    private TestDatabase? _db;

    protected override Task<IPreferenceStore> CreateStoreAsync(TimeProvider time)
    {
        _db = TestDatabase.Sqlite();
        return Task.FromResult<IPreferenceStore>(_db.Store(time));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}
