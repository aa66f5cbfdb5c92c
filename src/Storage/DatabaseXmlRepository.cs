using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using PreferenceUiKit.Storage.Model;

namespace PreferenceUiKit.Storage;

/// <summary>
/// Keeps ASP.NET Core Data Protection keys (cookies, antiforgery tokens) in the table <c>data_protection_keys</c>, so
/// every host on one database can read what another protected. Like every key store without an XML encryptor, it holds
/// the keys in clear: restrict access to the database accordingly.
/// </summary>
public sealed class DatabaseXmlRepository(PreferenceDbContextFactory factory, PreferenceStorageInitializer initializer) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        initializer.EnsureInitializedAsync().GetAwaiter().GetResult();
        using var db = factory.CreateDbContext();
        return db.Set<DataProtectionKeyRow>().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        initializer.EnsureInitializedAsync().GetAwaiter().GetResult();
        using var db = factory.CreateDbContext();
        db.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
