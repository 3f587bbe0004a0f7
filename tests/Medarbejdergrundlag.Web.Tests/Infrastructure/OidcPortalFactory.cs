using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>The portal set up against <see cref="TokenIssuer"/>, with its log kept.</summary>
public sealed class OidcPortalFactory : PortalFactory
{
    public OidcPortalFactory(string authority, string environment = "Development")
        : base(environment)
    {
        With("Authentication:Oidc:Authority", authority);
        With("Authentication:Oidc:ClientId", TokenIssuer.ClientId);
        With("Authentication:Oidc:ClientSecret", TokenIssuer.ClientSecret);
        With("Authentication:Oidc:RequireHttpsMetadata", "false");
        With("Authentication:Oidc:RoleClaim", "groups");
        With("Authentication:Oidc:EditorValues:0", "hr-redaktoerer");
        With("Authentication:Oidc:LeaderValues:0", "ledere");
    }

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}
