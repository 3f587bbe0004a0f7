using System.Xml.Linq;
using Medarbejdergrundlag.Content.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.DataProtection;

/// <summary>
/// Keeps the Data Protection key ring in the content database (the EF Core key-store package is
/// not available here), so restarts and every instance share one key ring. Data Protection calls
/// it rarely: at start-up, when a key is created and when the ring is refreshed.
/// </summary>
public sealed class ContentStoreXmlRepository(IDbContextFactory<ContentDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking()
            .OrderBy(k => k.Id)
            .Select(k => k.Xml)
            .AsEnumerable()
            .Select(xml => XElement.Parse(xml))
            .ToList()
            .AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}

public static class ContentStoreDataProtectionExtensions
{
    /// <summary>Stores the key ring in the content database; see <see cref="ContentStoreXmlRepository"/>.</summary>
    public static IDataProtectionBuilder PersistKeysToContentStore(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new ContentStoreXmlRepository(services.GetRequiredService<IDbContextFactory<ContentDbContext>>())));
        return builder;
    }
}
