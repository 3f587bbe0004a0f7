using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Medarbejdergrundlag.Web.Security;

/// <summary>
/// The personas let anyone sign in as anyone, so beyond the configuration they need the machine
/// itself to be private: the app must listen on loopback only, and the request must have come in
/// on loopback, not through a proxy. Whatever the environment says, a portal reachable from the network offers none.
/// </summary>
public sealed class PersonaGate(SignInOptions signIn, IServer server, ILogger<PersonaGate> logger)
{
    private bool? _loopbackOnly;

    public bool Allows(HttpContext context)
    {
        if (!signIn.PersonasEnabled)
        {
            return false;
        }

        _loopbackOnly ??= LoopbackOnly();
        var local = context.Connection.LocalIpAddress;
        return _loopbackOnly.Value && (local is null || IPAddress.IsLoopback(local)) && !Forwarded(context.Request);
    }

    /// <summary>Headers a reverse proxy adds. Behind a proxy on the same host every request looks local, so any of them refuses the personas.</summary>
    public static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For"];

    private static bool Forwarded(HttpRequest request) => ForwardingHeaders.Any(request.Headers.ContainsKey);

    private bool LoopbackOnly()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0)
        {
            logger.LogWarning("The persona sign-in is switched on, but the portal listens on {Addresses}, not only on loopback; it is refused.",
                string.Join(", ", exposed));
        }

        return exposed.Count == 0;
    }

    private static bool IsLoopback(string address)
    {
        // Kestrel reports "http://127.0.0.1:5080", "http://[::1]:5080", "http://localhost:5080", "http://0.0.0.0:80", "http://+:80".
        var host = address.Split("://", 2) is [_, var rest] ? rest : address;
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
