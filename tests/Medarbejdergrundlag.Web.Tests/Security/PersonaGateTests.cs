using System.Net;
using Medarbejdergrundlag.Web.Security;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// The persona gate's decision on the addresses a server listens on and on where a request came
/// from, in the fast tier. The Process tests (HardeningTests) show the same on a real Kestrel; these
/// go through the address forms Kestrel reports one by one, which a real process cannot cheaply do.
/// </summary>
public sealed class PersonaGateTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("https://127.0.0.1:5443")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://LOCALHOST:5080")]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    public void APortalListeningOnLoopbackOnlyOffersThePersonasToALoopbackRequest(string address)
    {
        var logs = new LogCapture();
        var gate = Gate(personas: true, logs, address, "http://[::1]:5081");

        Assert.True(gate.Allows(Request(IPAddress.Loopback)));
        Assert.True(gate.Allows(Request(IPAddress.IPv6Loopback)));
        Assert.True(gate.Allows(Request(local: null)));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("http://0.0.0.0:80")]
    [InlineData("http://+:80")]
    [InlineData("http://*:80")]
    [InlineData("http://[::]:80")]
    [InlineData("http://192.168.1.10:80")]
    [InlineData("http://[2001:db8::1]:80")]
    [InlineData("http://localhost.evil.example:80")]
    [InlineData("http://portal.odense.dk:80")]
    [InlineData("10.0.0.1:80")]
    public void APortalReachableFromTheNetworkOffersNoPersonasAndSaysWhy(string exposed)
    {
        var logs = new LogCapture();
        var gate = Gate(personas: true, logs, "http://127.0.0.1:5080", exposed);

        Assert.False(gate.Allows(Request(IPAddress.Loopback)));
        Assert.False(gate.Allows(Request(IPAddress.Loopback)));

        // Said once (the addresses are read once), naming only the address that is not loopback.
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("persona sign-in is switched on, but the portal listens on " + exposed + ", not only on loopback", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWarningNamesEveryExposedAddress()
    {
        var logs = new LogCapture();
        var gate = Gate(personas: true, logs, "http://0.0.0.0:80", "http://127.0.0.1:5080", "http://10.0.0.1:80");

        Assert.False(gate.Allows(Request(IPAddress.Loopback)));

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("listens on http://0.0.0.0:80, http://10.0.0.1:80, not only on loopback", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void PersonasSwitchedOffAreNeverOffered()
    {
        var gate = Gate(personas: false, new LogCapture(), "http://127.0.0.1:5080");

        Assert.False(gate.Allows(Request(IPAddress.Loopback)));
    }

    [Fact]
    public void AServerThatReportsNoAddressesCountsAsLoopbackOnly()
    {
        // The in-memory test server, and a host started without URLs, report none.
        var gate = new PersonaGate(new SignInOptions { PersonasEnabled = true }, new Server(null), Logger(new LogCapture()));

        Assert.True(gate.Allows(Request(IPAddress.Loopback)));
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.10")]
    [InlineData("2001:db8::5")]
    public void ARequestThatCameInOnAnotherInterfaceGetsNoPersonas(string local)
    {
        var gate = Gate(personas: true, new LogCapture(), "http://127.0.0.1:5080");

        Assert.False(gate.Allows(Request(IPAddress.Parse(local))));
    }

    [Fact]
    public void ARequestThroughAProxyGetsNoPersonasWhicheverHeaderTellsIt()
    {
        var gate = Gate(personas: true, new LogCapture(), "http://127.0.0.1:5080");

        Assert.NotEmpty(PersonaGate.ForwardingHeaders);
        foreach (var header in PersonaGate.ForwardingHeaders)
        {
            var request = Request(IPAddress.Loopback);
            request.Request.Headers[header] = "10.1.2.3";
            Assert.False(gate.Allows(request), header);
        }

        Assert.Equal(
            ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For"],
            PersonaGate.ForwardingHeaders);
    }

    private static PersonaGate Gate(bool personas, LogCapture logs, params string[] addresses) =>
        new(new SignInOptions { PersonasEnabled = personas }, new Server(addresses), Logger(logs));

    private static ILogger<PersonaGate> Logger(LogCapture logs) => new Logger<PersonaGate>(new LoggerFactory([logs]));

    private static DefaultHttpContext Request(IPAddress? local) => new() { Connection = { LocalIpAddress = local } };

    /// <summary>A server as the gate sees it: the addresses it reports, nothing else.</summary>
    private sealed class Server : IServer
    {
        public Server(string[]? addresses)
        {
            if (addresses is not null)
            {
                var feature = new ServerAddressesFeature();
                foreach (var address in addresses)
                {
                    feature.Addresses.Add(address);
                }

                Features.Set<IServerAddressesFeature>(feature);
            }
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => throw new NotSupportedException();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
