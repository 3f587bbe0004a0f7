using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>The key ring in the database, encrypted at rest with a certificate from configuration.</summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mg-cert-").FullName;

    [Fact]
    public async Task WithACertificateTheKeysAreStoredEncryptedAndOnlyItsHoldersReadThem()
    {
        var (path, password) = Certificate("CN=Medarbejdergrundlag nøgler");
        using var database = PortalDatabase.Create();
        using var first = new PortalFactory(database)
            .With("DataProtection:Certificate:Path", path)
            .With("DataProtection:Certificate:Password", password);
        using var signIn = first.CreateCookielessClient();
        var cookie = await PersonaSignIn.SessionCookieAsync(signIn, "hr-redaktoer");

        await using (var db = database.NewContext())
        {
            var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
            Assert.Contains("encryptedSecret", key.Xml);
            Assert.DoesNotContain("<masterKey", key.Xml);
        }

        // Another instance with the certificate honours the session; one without it cannot read the key.
        using var second = new PortalFactory(database)
            .With("DataProtection:Certificate:Path", path)
            .With("DataProtection:Certificate:Password", password);
        using var withCertificate = second.CreateCookielessClient();
        Assert.Equal(HttpStatusCode.OK, (await withCertificate.GetWithCookieAsync("/admin", cookie)).StatusCode);

        using var stranger = new PortalFactory(database);
        using var withoutCertificate = stranger.CreateCookielessClient();
        Assert.Equal(HttpStatusCode.Redirect, (await withoutCertificate.GetWithCookieAsync("/admin", cookie)).StatusCode);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void ACertificateThatCannotProtectTheKeysIsRefusedAtStart(bool publicOnly, bool wrongPassword)
    {
        var (path, password) = Certificate("CN=Kan ikke bruges", publicOnly);
        using var factory = new PortalFactory()
            .With("DataProtection:Certificate:Path", path)
            .With("DataProtection:Certificate:Password", wrongPassword ? "forkert" : password);

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("DataProtection:Certificate", refused.ToString());
    }

    private (string Path, string Password) Certificate(string subject, bool publicOnly = false)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = System.IO.Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, publicOnly
            ? X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)).Export(X509ContentType.Pfx, password)
            : certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
