using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Backup;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// The backup from the command line, with the app's own configuration (same database settings):
/// <c>dotnet Medarbejdergrundlag.Web.dll backup export FILE [--with-confirmations]</c> (the readers'
/// confirmations are personal data: only on request) and
/// <c>dotnet Medarbejdergrundlag.Web.dll backup import FILE [--force]</c>. No web server starts.
/// </summary>
internal static class BackupCommand
{
    public static bool Matches(string[] args) => args is ["backup", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        switch (args)
        {
            case ["backup", "export", var file, .. var options] when options is [] or ["--with-confirmations"]:
            {
                await services.MigrateContentStoreAsync();
                await using var scope = services.CreateAsyncScope();
                await using (var output = File.Create(file))
                {
                    await scope.ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(output, withConfirmations: options is ["--with-confirmations"]);
                }

                Console.WriteLine($"Sikkerhedskopien er gemt i {file}.");
                return 0;
            }

            case ["backup", "import", var file, .. var rest] when rest is [] or ["--force"]:
            {
                await services.MigrateContentStoreAsync();
                await using var scope = services.CreateAsyncScope();
                try
                {
                    await using var input = File.OpenRead(file);
                    var count = await scope.ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(input, force: rest is ["--force"]);
                    Console.WriteLine($"Indlæste {count} emner fra {file}.");
                    return 0;
                }
                catch (Exception ex) when (ex is ContentBackupException or FileNotFoundException)
                {
                    await Console.Error.WriteLineAsync(ex.Message);
                    return 1;
                }
            }

            default:
                await Console.Error.WriteLineAsync("Brug: backup export FIL [--with-confirmations] | backup import FIL [--force]");
                return 2;
        }
    }
}
