using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Forloeb;

/// <summary>
/// Keeps an uploaded spreadsheet on the server between its preview and its import, under a random
/// token, so the confirming form carries 32 characters instead of the file (a few MB re-posted
/// could hit the request limits). Files are removed after the import and after an hour. With
/// several instances, the import must reach the instance that showed the preview; when it does
/// not, the editor is asked to choose the file again and nothing changes.
/// </summary>
public static partial class ImportUploads
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static string Folder => Path.Combine(Path.GetTempPath(), "medarbejdergrundlag-import");

    public static async Task<string> SaveAsync(byte[] file)
    {
        Directory.CreateDirectory(Folder);
        foreach (var old in new DirectoryInfo(Folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - Lifetime))
        {
            old.Delete();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(Path.Combine(Folder, token), file);
        return token;
    }

    /// <summary>The file, or null when the token is malformed, unknown or expired.</summary>
    public static async Task<byte[]?> LoadAsync(string? token)
    {
        if (token is null || !TokenPattern().IsMatch(token))
        {
            return null;
        }

        var path = Path.Combine(Folder, token);
        return File.Exists(path) && File.GetLastWriteTimeUtc(path) >= DateTime.UtcNow - Lifetime ? await File.ReadAllBytesAsync(path) : null;
    }

    public static void Remove(string token)
    {
        if (TokenPattern().IsMatch(token))
        {
            File.Delete(Path.Combine(Folder, token));
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenPattern();
}
