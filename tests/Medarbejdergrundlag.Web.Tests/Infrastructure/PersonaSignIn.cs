using System.Net;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// Signs in through the persona form by hand, cookie by cookie, and returns the session cookie,
/// so a test can carry it to another instance. The client must keep no cookies of its own.
/// </summary>
public static class PersonaSignIn
{
    public const string SessionCookie = "mg.session";

    public static async Task<string> SessionCookieAsync(HttpClient client, string persona = "medarbejder", string? signedInAs = null)
    {
        var form = signedInAs is null ? await client.GetAsync("/konto/log-ind") : await client.GetWithCookieAsync("/konto/log-ind", signedInAs);
        var antiforgeryCookie = Cookie(form, "mg.af") ?? throw new InvalidOperationException("No antiforgery cookie.");
        var token = PortalFactory.AntiforgeryToken(await form.Content.ReadAsStringAsync())
            ?? throw new InvalidOperationException("No antiforgery token on the sign-in page.");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/log-ind")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["persona"] = persona,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", signedInAs is null ? antiforgeryCookie : signedInAs + "; " + antiforgeryCookie);
        var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Persona sign-in answered {(int)response.StatusCode}.");
        }

        return Cookie(response, SessionCookie) ?? throw new InvalidOperationException("Sign-in set no session cookie.");
    }

    /// <summary>GET with a given cookie header.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(this HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>"name=value" of a Set-Cookie header, without its attributes.</summary>
    private static string? Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
}
