using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Gazette.Text;

/// <summary>
/// Values appended to the XxHash128 digests of the caches, each in one fixed form: a number as its
/// eight little-endian bytes, a text as its length (-1 for none) and then its UTF-16 bytes, so two
/// fields never run into each other ("ab" + "c" is not "a" + "bc").
/// </summary>
internal static class DigestParts
{
    public static void AppendNumber(this XxHash128 hash, long number)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, number);
        hash.Append(bytes);
    }

    public static void AppendNumber(this XxHash128 hash, ulong number) => hash.AppendNumber(unchecked((long)number));

    public static void AppendNumber(this XxHash128 hash, UInt128 number)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, number);
        hash.Append(bytes);
    }

    public static void AppendText(this XxHash128 hash, string? text)
    {
        hash.AppendNumber(text?.Length ?? -1);
        hash.Append(MemoryMarshal.AsBytes((text ?? "").AsSpan()));
    }
}
