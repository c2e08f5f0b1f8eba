using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ProgramTracker.TestSupport;

/// <summary>A self-signed certificate written once as a .pfx file, for the data-protection keys of a Production portal.</summary>
public static class TestCertificate
{
    public const string Password = "chung-thu-thu-nghiem";

    private static readonly Lazy<string> File = new(Create);

    /// <summary>The path of the .pfx file (password <see cref="Password"/>).</summary>
    public static string PfxPath => File.Value;

    private static string Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ProgramTracker data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"programtracker-dp-{Guid.NewGuid():N}.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
