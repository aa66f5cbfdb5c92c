using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Core.Tests.Storage;

/// <summary>The store contract against the in-memory store.</summary>
public sealed class InMemoryPreferenceStoreContractTests : PreferenceStoreContract
{
    protected override Task<IPreferenceStore> CreateStoreAsync(TimeProvider time) =>
        Task.FromResult<IPreferenceStore>(new InMemoryPreferenceStore(time));
}
