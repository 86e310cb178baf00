namespace Gazette.Import;

/// <summary>Where each line of a text starts, to turn an offset into a line and column in
/// logarithmic time (a file with thousands of tags to report is not read again for each).</summary>
internal sealed class LineIndex
{
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    /// <summary>The 1-based line and column of the character at <paramref name="offset"/>.</summary>
    public (int Line, int Column) At(int offset)
    {
        var index = _starts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _starts[line] + 1);
    }
}
