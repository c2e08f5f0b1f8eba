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
    public static void Check(Stream stream, ImportOptions options, Formats f)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException(Messages.NotAWorkbook(f));
        }

        using (zip)
        {
            if (zip.Entries.Count > options.MaxEntries)
            {
                throw new ImportFileException(f.Format("Import.TooManyParts", zip.Entries.Count, options.MaxEntries));
            }

            if (zip.Entries.Sum(e => e.Length) > options.MaxUncompressedBytes)
            {
                throw new ImportFileException(Messages.TooLargeUncompressed(options, f));
            }

            // Declared sizes can lie: inflate every part, counting, and stop at the limit.
            var buffer = new byte[81920];
            long total = 0;
            try
            {
                foreach (var entry in zip.Entries)
                {
                    using var part = entry.Open();
                    int read;
                    while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                        if (total > options.MaxUncompressedBytes)
                        {
                            throw new ImportFileException(Messages.TooLargeUncompressed(options, f));
                        }
                    }
                }
            }
            catch (InvalidDataException)
            {
                throw new ImportFileException(Messages.NotAWorkbook(f));
            }
        }

        stream.Position = 0;
    }
}

/// <summary>The refusals of an uploaded file, in the reader's language.</summary>
public static class Messages
{
    public static string NotAWorkbook(Formats f) => f["Import.NotAWorkbook"];

    public static string TooLargeUncompressed(ImportOptions o, Formats f) => f.Format("Import.TooLargeUncompressed", o.MaxUncompressedBytes / 1024 / 1024);

    public static string TooLarge(ImportOptions o, Formats f) => f.Format("Import.TooLarge", f.Number(Math.Round(o.MaxFileBytes / 1024m / 1024m, 1)));
}
