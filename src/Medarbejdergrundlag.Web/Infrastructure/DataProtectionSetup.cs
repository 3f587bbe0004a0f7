using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Medarbejdergrundlag.Content.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// One key ring in the content database for every instance and restart (the framework's
/// PersistKeysToDbContext), so sign-ins, antiforgery tokens and calendar links survive both.
/// With <c>DataProtection:Certificate:Path</c> (a PFX file; its password in
/// <c>DataProtection:Certificate:Password</c>, from the environment) the keys are encrypted at rest.
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "DataProtection:Certificate";

    public static void AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("Medarbejdergrundlag")
            .PersistKeysToDbContext<ContentDbContext>();

        if (builder.Configuration[$"{Section}:Path"] is { Length: > 0 } path)
        {
            X509Certificate2 certificate;
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(
                    Path.GetFullPath(path, builder.Environment.ContentRootPath),
                    builder.Configuration[$"{Section}:Password"],
                    X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (CryptographicException ex)
            {
                throw new InvalidOperationException(
                    $"{Section}:Path could not be read as a PFX certificate with the password in {Section}:Password: {ex.Message}", ex);
            }

            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{Section}:Path names a certificate without its private key; the keys could not be read back.");
            }

            // Keys written before the certificate was set stay readable: they were stored in clear.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    /// <summary>Production without a certificate works, but says plainly what that means.</summary>
    public static void WarnIfKeysUnencrypted(this WebApplication app)
    {
        if (app.Environment.IsProduction() && string.IsNullOrEmpty(app.Configuration[$"{Section}:Path"]))
        {
            app.Logger.LogWarning(
                "The Data Protection keys are stored in the database unencrypted: anyone who can read the DataProtectionKeys " +
                "table can read stored sign-ins and forge antiforgery tokens and calendar links. Set {Setting}:Path (and :Password) " +
                "to a certificate; see docs/operations.md.",
                Section);
        }
    }
}
