using System.Security.Cryptography;

namespace ProgramTracker.Core.Accounts;

/// <summary>
/// A random password for a new account, to be replaced at first sign-in: four groups of four characters joined by
/// dashes ("Hq7k-m2Rx-…"), from an alphabet without look-alikes (0/O, 1/l/I), so it can be read out or typed from
/// paper. 16 characters of 55 are about 92 bits.
/// </summary>
public static class OneTimePassword
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string New()
    {
        Span<char> text = stackalloc char[19];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = i % 5 == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(text);
    }
}
