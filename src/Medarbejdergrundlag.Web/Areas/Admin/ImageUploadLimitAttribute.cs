using Medarbejdergrundlag.Content.Images;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Areas.Admin;

/// <summary>
/// The image upload's size limit (<c>Images:MaxUploadBytes</c>) before a byte of the body is read: a
/// request that says it is larger gets 413 (the error page says so in Danish) at once; one that does
/// not say (chunked) is cut off by Kestrel at the limit, and the form reader is held to it too. Runs
/// before the antiforgery check, which would otherwise read the whole form first. The attributes
/// [RequestSizeLimit] and [RequestFormLimits] do the same but take only constants, not configuration.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ImageUploadLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Room for the form's other fields and the multipart boundaries around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    // Before RequestSizeLimit (900) and the antiforgery check (1000).
    public int Order => 800;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Limit(serviceProvider.GetRequiredService<IOptions<ImageOptions>>().Value.MaxUploadBytes + FormOverhead);

    private sealed class Limit(long maxBytes) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return;
            }

            if (http.Request.ContentLength > maxBytes)
            {
                context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = maxBytes;
            }

            if (!http.Request.HasFormContentType || http.Features.Get<IFormFeature>()?.Form is null)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
            }
        }
    }
}
