using Gazette.Markdown.Figures;
using Gazette.Markdown.Typography;

namespace Gazette.Tests.Markdown;

/// <summary>Captions and credits in plain words skip Markdig: what they give must be what Markdig gives.</summary>
public class FigureTextTests
{
    public static TheoryData<string> PlainCaptions =>
    [
        "Désormais stable, le pare-feu « nouvelle génération » est là !",
        "Le Galaxy S24+ face au Pixel 9 : c'est-à-dire 1 = 1 ?",
        "Rokas Tenys / Shutterstock",
        "Emma Lambert / AFP – 2024",
        "Wi-Fi 7 : 46 Gbit/s (en théorie) ; 100 % des tests à 5 GHz",
        "Prix : 999 € - avant remise",
        "Le \"mode avion\" en vol",
    ];

    [Theory]
    [MemberData(nameof(PlainCaptions))]
    public void Plain_prose_takes_the_shortcut_and_renders_as_Markdig_would(string caption)
    {
        Assert.True(FigureFactory.IsPlainProse(caption));
        foreach (var mode in Enum.GetValues<TypographyMode>())
        {
            Assert.Equal(FigureFactory.RenderWithMarkdig(caption, mode), FigureFactory.RenderInline(caption, mode));
        }

        Assert.Equal(FigureFactory.PlainTextWithMarkdig(caption), FigureFactory.PlainText(caption));
    }

    [Theory]
    [InlineData("- une liste")]
    [InlineData("Un *mot* en italique")]
    [InlineData("Voir ![photo](a.png)")]
    [InlineData("AT&amp;T")]
    [InlineData("Deux\nlignes")]
    [InlineData("Un lien <https://example.com>")]
    [InlineData("Ligne\\")]
    public void Markup_goes_through_Markdig(string caption)
    {
        Assert.False(FigureFactory.IsPlainProse(caption));
    }
}
