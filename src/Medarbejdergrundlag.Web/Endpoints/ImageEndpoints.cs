using Medarbejdergrundlag.Content.Images;
using Microsoft.Net.Http.Headers;

namespace Medarbejdergrundlag.Web.Endpoints;

/// <summary>
/// The library's images (issue 29) at content-addressed paths: <c>/billeder/{hash}/{width}.{format}</c>,
/// and <c>/billeder/{hash}</c> for the largest fallback. An address never shows other bytes, so it is
/// cached for a year as immutable. The response carries a policy of its own that runs nothing, even if
/// opened as a document, and nosniff, so no browser reads the bytes as anything but the image type.
/// Like every page, images need a signed-in reader (the fallback policy): they are the intranet's own.
/// </summary>
public static class ImageEndpoints
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    public static void MapImages(this RouteGroupBuilder readers)
    {
        readers.MapGet(ImageAddress.Prefix + "/{hash}", (string hash, ImageStore store, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(hash, null, null, store, context, cancellationToken));
        readers.MapGet(ImageAddress.Prefix + "/{hash}/{width:int}.{format}", (string hash, int width, string format, ImageStore store, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(hash, width, format, store, context, cancellationToken));
    }

    private static async Task<IResult> ServeAsync(string hash, int? width, string? format, ImageStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (!ImageAddress.IsHash(hash) || format is not (null or ImageProcessor.WebP or ImageProcessor.Jpeg or ImageProcessor.Png)
            || await store.GetAsync(hash, width, format, cancellationToken) is not { } image)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{hash}-{width?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "max"}-{format ?? "fallback"}\"");
        headers.ETag = etag.ToString();
        if (context.Request.Headers.IfNoneMatch.Contains(etag.ToString()))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(image.Bytes, image.ContentType);
    }
}
