using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>
/// The schedules' table is what each provider's migrations create: the kind and state stored as
/// words, the lengths, the version as a concurrency token, the indexes the poll uses, and the
/// foreign keys that refuse to delete an item or revision a schedule names.
/// </summary>
public sealed class ScheduledActionModelTests
{
    // One fact over the three providers, not a theory: no row needs a server, and the fast tier leaves
    // out every row whose name says Postgres or SqlServer.
    [Fact]
    public void TheSchedulesTableTheMigrationsCreateIsTheOneTheModelDescribes()
    {
        foreach (var provider in ContentDatabase.All)
        {
            Check(provider);
        }
    }

    private static void Check(string provider)
    {
        // A model built afresh (no cached service provider), so a change to the configuration shows here.
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(ContentDatabase.ContextType(provider)))!;
        builder.UseContentDatabase(provider, provider switch
        {
            ContentDatabase.Sqlite => "Data Source=:memory:",
            ContentDatabase.Postgres => "Host=localhost;Database=none",
            _ => "Server=localhost;Database=none;TrustServerCertificate=True",
        }).EnableServiceProviderCaching(false);
        using var db = (ContentDbContext)Activator.CreateInstance(ContentDatabase.ContextType(provider), builder.Options)!;

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model differs from its migrations.");
        var schedule = db.Model.FindEntityType(typeof(ScheduledAction))!;
        Assert.Equal("ScheduledActions", schedule.GetTableName());
        Assert.Equal(typeof(string), schedule.FindProperty(nameof(ScheduledAction.Kind))!.GetProviderClrType());
        Assert.Equal(typeof(string), schedule.FindProperty(nameof(ScheduledAction.State))!.GetProviderClrType());
        Assert.True(schedule.FindProperty(nameof(ScheduledAction.Version))!.IsConcurrencyToken);
        Assert.All(schedule.GetForeignKeys(), fk => Assert.Equal(DeleteBehavior.Restrict, fk.DeleteBehavior));
        Assert.Equal(2, schedule.GetForeignKeys().Count());
    }
}
