namespace Gazette.Markdown.Figures;

/// <summary>
/// Splits an image title the way newsrooms write it: caption, then the credit after the
/// copyright sign. <c>"Paris, la ville lumière © Pixabay"</c> → caption <c>Paris, la ville lumière</c>,
/// credit <c>Pixabay</c>; <c>"© Pixabay"</c> → credit only.
/// </summary>
internal static class FigureTitle
{
    public static (string Caption, string Credit) Split(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return ("", "");
        }

        var sign = title.IndexOf('©');
        if (sign < 0)
        {
            sign = title.IndexOf("(c) ", StringComparison.OrdinalIgnoreCase) is var ascii && ascii >= 0 && (ascii == 0 || title[ascii - 1] == ' ')
                ? ascii
                : -1;
            if (sign < 0)
            {
                return (title.Trim(), "");
            }

            return (title[..sign].Trim(), title[(sign + 4)..].Trim());
        }

        return (title[..sign].Trim(), title[(sign + 1)..].Trim());
    }

    /// <summary>A credit as authors write it in front matter: a leading © is optional.</summary>
    public static string CleanCredit(string? credit)
    {
        var text = (credit ?? "").Trim();
        if (text.StartsWith('©'))
        {
            text = text[1..].TrimStart();
        }

        return text;
    }
}
