namespace Medarbejdergrundlag.Web.Security;

/// <summary>
/// The one test for "may we send the browser there after sign-in or sign-out": a path on this site,
/// never another host (<c>//evil</c>, <c>/\evil</c>, <c>https://evil</c>).
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }

        if (url.Length == 1)
        {
            return true;
        }

        // Browsers read "//host" and "/\host" as another host.
        if (url[1] is '/' or '\\')
        {
            return false;
        }

        return !url.Any(char.IsControl);
    }

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
