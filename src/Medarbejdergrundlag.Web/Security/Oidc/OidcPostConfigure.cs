using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Medarbejdergrundlag.Web.Security.Oidc;

/// <summary>Makes the discovery manager once the backchannel exists (the OAuth post-configure sets it).</summary>
internal sealed class OidcPostConfigure : IPostConfigureOptions<OidcOptions>
{
    public void PostConfigure(string? name, OidcOptions options)
    {
        if (options.ConfigurationManager is not null)
        {
            return;
        }

        if (string.IsNullOrEmpty(options.MetadataAddress) && !string.IsNullOrEmpty(options.Authority))
        {
            options.MetadataAddress = options.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
        }

        var address = options.MetadataAddress!;
        if (options.RequireHttpsMetadata && !address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The OpenID Connect metadata address '{address}' is not HTTPS. Only Development may set Authentication:Oidc:RequireHttpsMetadata=false.");
        }

        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            address,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(options.Backchannel) { RequireHttps = options.RequireHttpsMetadata })
        {
            RefreshInterval = options.RefreshInterval,
            AutomaticRefreshInterval = options.AutomaticRefreshInterval,
        };
    }
}
