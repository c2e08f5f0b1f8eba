using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection;

namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>
/// The data-protection keys (which sign the sign-in cookies and antiforgery tokens) live in the database; in Production
/// they are encrypted at rest with a certificate from configuration, so a copy of the database (a backup) does not
/// let anyone forge a session. Settings (README, "Khóa bảo vệ dữ liệu"):
/// DataProtection:Certificate:Path (a .pfx file) and :Password, or DataProtection:Certificate:Thumbprint (the
/// CurrentUser or LocalMachine "My" store). DataProtection:AllowUnprotectedKeys=true runs Production without one
/// (a benchmark, a demo). Start-up fails in Production when neither is set.
/// </summary>
public static class KeyProtection
{
    public const string Section = "DataProtection";

    public static IDataProtectionBuilder AddKeyProtection(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        if (Certificate(configuration) is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
        }

        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IHostEnvironment>((options, environment) =>
            {
                if (options.XmlEncryptor is null && environment.IsProduction() && !configuration.GetValue($"{Section}:AllowUnprotectedKeys", false))
                {
                    throw new InvalidOperationException(
                        "Production needs a certificate for the data-protection keys: set DataProtection:Certificate:Path (and :Password) " +
                        "or DataProtection:Certificate:Thumbprint, or DataProtection:AllowUnprotectedKeys=true to run without (README).");
                }
            })
            .ValidateOnStart();
        return builder;
    }

    /// <summary>The configured certificate (with its private key); null when none is configured.</summary>
    public static X509Certificate2? Certificate(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{Section}:Certificate");
        var (path, password, thumbprint) = (section["Path"], section["Password"], section["Thumbprint"]);
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(path))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        else if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            certificate = FromStore(StoreLocation.CurrentUser, thumbprint) ?? FromStore(StoreLocation.LocalMachine, thumbprint)
                ?? throw new InvalidOperationException($"DataProtection:Certificate:Thumbprint {thumbprint} is in neither the CurrentUser nor the LocalMachine 'My' store.");
        }
        else
        {
            return null;
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException("The DataProtection certificate has no private key: the keys could be encrypted but never read back.");
    }

    private static X509Certificate2? FromStore(StoreLocation location, string thumbprint)
    {
        using var store = new X509Store(StoreName.My, location);
        store.Open(OpenFlags.ReadOnly);
        return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", "", StringComparison.Ordinal), validOnly: false)
            .FirstOrDefault();
    }
}
