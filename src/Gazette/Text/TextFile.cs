using System.Buffers;
using System.Text;
using Gazette.Diagnostics;

namespace Gazette.Text;

/// <summary>Reads an author's text file: strict UTF-8, BOM removed, CRLF and CR turned into LF
/// (line numbers stay those the author sees in an editor).</summary>
internal static class TextFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Past this size a text file is refused: no article is that long, and Markdown parsing slows down.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    public static bool TryRead(string fullPath, string displayPath, DiagnosticBag diagnostics, out string text)
    {
        text = "";
        return TryReadBytes(fullPath, displayPath, diagnostics, out var bytes) && TryDecode(bytes, displayPath, diagnostics, out text);
    }

    /// <summary>The file's bytes, or an error (too large, unreadable) in <paramref name="diagnostics"/>.</summary>
    public static bool TryReadBytes(string fullPath, string displayPath, DiagnosticBag diagnostics, out byte[] bytes)
    {
        var read = TryReadPooled(fullPath, displayPath, diagnostics, out var segment);
        bytes = read ? segment.AsSpan().ToArray() : [];
        if (read)
        {
            ArrayPool<byte>.Shared.Return(segment.Array!);
        }

        return read;
    }

    /// <summary>Like <see cref="TryReadBytes"/>, the bytes in an array rented from the shared
    /// pool (ten thousand articles read without ten thousand arrays to allocate, clear and
    /// collect): give <c>bytes.Array</c> back to <see cref="ArrayPool{T}.Shared"/> once they are decoded.</summary>
    public static bool TryReadPooled(string fullPath, string displayPath, DiagnosticBag diagnostics, out ArraySegment<byte> bytes)
    {
        bytes = default;
        try
        {
            using var handle = File.OpenHandle(fullPath);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxBytes)
            {
                diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceLocation.File(displayPath),
                    $"the file is {length / 1_000_000} MB; text files over {MaxBytes / 1024 / 1024} MB are refused. Split the article or move data out of it");
                return false;
            }

            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(length + 1, 16 * 1024));
            var total = 0;
            int count;
            // Read to the end rather than to the length found above: the file may be growing as
            // it is saved. A full buffer is grown and the reading goes on.
            while ((count = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0)
            {
                total += count;
                if (total == buffer.Length)
                {
                    if (total > MaxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        diagnostics.Error(DiagnosticCodes.FileTooLarge, SourceLocation.File(displayPath),
                            $"the file is over {MaxBytes / 1024 / 1024} MB; text files that large are refused. Split the article or move data out of it");
                        return false;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.CopyTo(larger, 0);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            bytes = new ArraySegment<byte>(buffer, 0, total);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, SourceLocation.File(displayPath), $"cannot read the file: {e.Message}");
            return false;
        }
    }

    /// <summary>Strict UTF-8 decoding of a part of a file; false (nothing reported) when it is not valid UTF-8.</summary>
    public static bool TryDecodeQuietly(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    public static bool TryDecode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics, out string text)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        bytes = WithoutControlCharacters(bytes, displayPath, diagnostics);

        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = PositionOfByte(bytes, e.Index);
            diagnostics.Error(DiagnosticCodes.FileUnreadable, new SourceLocation(displayPath, line, column),
                "the file is not valid UTF-8; save it as UTF-8 in your editor");
            text = "";
            return false;
        }

        if (text.Contains('\r'))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return true;
    }

    // The bytes that start a character XML 1.0 forbids (C0 controls but tab, line feed and carriage
    // return), and 0xEF, which starts U+FFFE and U+FFFF among many allowed characters.
    private static readonly System.Buffers.SearchValues<byte> SuspectBytes = System.Buffers.SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0xEF]);

    /// <summary>
    /// Control characters (a terminal's escape, a word processor's vertical tab) and the
    /// non-characters U+FFFE and U+FFFF are invalid in XML feeds and in HTML: each becomes a space,
    /// with a warning at its line and column. A clean file (nearly every one) is returned as it is,
    /// after one vectorised scan.
    /// </summary>
    public static ReadOnlySpan<byte> WithoutControlCharacters(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        byte[]? cleaned = null;
        var from = 0;
        while (bytes[from..].IndexOfAny(SuspectBytes) is var found and >= 0)
        {
            var at = from + found;
            var length = bytes[at] == 0xEF ? (bytes[at..].StartsWith("\uFFFE"u8) || bytes[at..].StartsWith("\uFFFF"u8) ? 3 : 0) : 1;
            from = at + 1;
            if (length == 0)
            {
                continue;
            }

            cleaned ??= bytes.ToArray();
            var (line, column) = PositionOfCharacter(bytes, at);
            var character = length == 1 ? $"U+{bytes[at]:X4}" : $"U+FFF{(bytes[at + 2] == 0xBE ? 'E' : 'F')}";
            diagnostics.Warning(DiagnosticCodes.ControlCharacter, new SourceLocation(displayPath, line, column),
                $"invisible character {character} replaced by a space: HTML and feeds cannot carry it (it often comes from a copy from a terminal or a word processor); delete it");
            cleaned.AsSpan(at, length).Fill((byte)' ');
            from = at + length;
        }

        return cleaned ?? bytes;
    }

    /// <summary>Line and column (in characters, as editors count) of a byte.</summary>
    private static (int Line, int Column) PositionOfCharacter(ReadOnlySpan<byte> bytes, int index)
    {
        var lineStart = bytes[..index].LastIndexOf((byte)'\n') + 1;
        var line = bytes[..index].Count((byte)'\n') + 1;
        var column = 1;
        foreach (var b in bytes[lineStart..index])
        {
            column += (b & 0xC0) == 0x80 ? 0 : 1; // continuation bytes belong to the character before
        }

        return (line, column);
    }

    private static (int Line, int Column) PositionOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        index = Math.Clamp(index, 0, bytes.Length);
        var before = bytes[..index];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, index - lineStart + 1);
    }
}
