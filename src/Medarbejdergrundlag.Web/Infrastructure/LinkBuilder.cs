using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>Absolute links for pasting into onboarding plans and emails.</summary>
public sealed class LinkBuilder(IOptions<PortalOptions> options)
{
    public string Absolute(HttpRequest request, string pathAndFragment)
    {
        var configured = options.Value.PublicBaseUrl;
        var origin = string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
        return origin + pathAndFragment;
    }
}
