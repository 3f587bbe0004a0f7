using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.DataProtection;

public sealed class KeyRingTests
{
    [Theory, Providers]
    public async Task WhatOneInstanceProtectsAnotherUnprotects(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var first = Instance(database);
        using var second = Instance(database);

        var token = Protector(first).Protect("persona:medarbejder");

        Assert.Equal("persona:medarbejder", Protector(second).Unprotect(token));
        await using var db = database.NewContext();
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.StartsWith("<key id=", key.Xml);
    }

    [Theory, Providers]
    public async Task AnInstanceOnAnotherDatabaseCannotUnprotect(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var elsewhere = await TestDatabase.CreateAsync(provider);
        using var first = Instance(database);
        using var stranger = Instance(elsewhere);

        var token = Protector(first).Protect("persona:medarbejder");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(stranger).Unprotect(token));
    }

    private static ServiceProvider Instance(TestDatabase database)
    {
        var factory = database.Services.GetRequiredService<IDbContextFactory<ContentDbContext>>();
        var services = new ServiceCollection()
            .AddLogging()
            .AddScoped(_ => factory.CreateDbContext());
        services.AddDataProtection().SetApplicationName("Medarbejdergrundlag").PersistKeysToDbContext<ContentDbContext>();
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(ServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
}
