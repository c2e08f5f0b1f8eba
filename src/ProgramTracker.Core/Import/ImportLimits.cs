using ProgramTracker.Core.Localization;
using System.IO.Compression;

namespace ProgramTracker.Core.Import;

/// <summary>Limits on uploads (configuration section <c>Import</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>Largest accepted upload, in bytes (default 5 MB).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest total uncompressed size of the parts of an xlsx (default 60 MB).</summary>
    public long MaxUncompressedBytes { get; set; } = 60 * 1024 * 1024;

    /// <summary>Most parts an xlsx may contain (default 1000).</summary>
    public int MaxEntries { get; set; } = 1000;

    /// <summary>Most data rows read from one file (default 20 000).</summary>
    public int MaxRows { get; set; } = 20_000;
}

/// <summary>Checks an xlsx container before any XML is parsed: entry count and actual (not declared) uncompressed sizes.</summary>
public static class ZipGuard
{
    /// <summary>How a container measured up against the limits.</summary>
    public enum Verdict
    {
        Fits = 0,
        NotAZip = 1,
        TooManyEntries = 2,
        TooLarge = 3,
    }

    public static void Check(Stream stream, ImportOptions options, Formats f)
    {
        var (verdict, entries) = Measure(stream, options.MaxEntries, options.MaxUncompressedBytes);
        switch (verdict)
        {
            case Verdict.NotAZip:
                throw new ImportFileException(Messages.NotAWorkbook(f));
            case Verdict.TooManyEntries:
                throw new ImportFileException(f.Format("Import.TooManyParts", entries, options.MaxEntries));
            case Verdict.TooLarge:
                throw new ImportFileException(Messages.TooLargeUncompressed(options, f));
        }
    }

    /// <summary>
    /// Counts the entries, sums their declared sizes, then inflates every entry counting the bytes it really gives and
    /// stops at the limit (declared sizes can lie, and an entry that gives more than it declares is refused too).
    /// Leaves the stream at its start.
    /// </summary>
    public static (Verdict Verdict, int Entries) Measure(Stream stream, int maxEntries, long maxBytes)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > maxEntries)
            {
                return (Verdict.TooManyEntries, zip.Entries.Count);
            }

            if (zip.Entries.Sum(e => e.Length) > maxBytes)
            {
                return (Verdict.TooLarge, zip.Entries.Count);
            }

            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                long read = 0;
                int n;
                while ((n = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    (read, total) = (read + n, total + n);
                    if (total > maxBytes || read > entry.Length)
                    {
                        return (Verdict.TooLarge, zip.Entries.Count);
                    }
                }
            }

            return (Verdict.Fits, zip.Entries.Count);
        }
        catch (InvalidDataException)
        {
            return (Verdict.NotAZip, 0);
        }
        finally
        {
            stream.Position = 0;
        }
    }
}

/// <summary>The refusals of an uploaded file, in the reader's language.</summary>
public static class Messages
{
    public static string NotAWorkbook(Formats f) => f["Import.NotAWorkbook"];

    public static string TooLargeUncompressed(ImportOptions o, Formats f) => f.Format("Import.TooLargeUncompressed", o.MaxUncompressedBytes / 1024 / 1024);

    public static string TooLarge(ImportOptions o, Formats f) => f.Format("Import.TooLarge", f.Number(Math.Round(o.MaxFileBytes / 1024m / 1024m, 1)));
}
