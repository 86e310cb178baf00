using Gazette.Markdown.Figures;

namespace Gazette.Tests.Markdown;

public class FigureTitleTests
{
    [Theory]
    [InlineData("Paris, la ville lumière, et bientôt celle de l'IA ? © Pixabay", "Paris, la ville lumière, et bientôt celle de l'IA ?", "Pixabay")]
    [InlineData("© Rokas Tenys / Shutterstock", "", "Rokas Tenys / Shutterstock")]
    [InlineData("Une légende sans crédit", "Une légende sans crédit", "")]
    [InlineData("Caption © [Jane Doe](https://example.com)", "Caption", "[Jane Doe](https://example.com)")]
    [InlineData("Légende (c) AFP", "Légende", "AFP")]
    [InlineData("", "", "")]
    public void Title_splits_into_caption_and_credit_at_the_copyright_sign(string title, string caption, string credit)
    {
        Assert.Equal((caption, credit), FigureTitle.Split(title));
    }

    [Theory]
    [InlineData("© Pixabay", "Pixabay")]
    [InlineData("  Pixabay ", "Pixabay")]
    public void Front_matter_credit_may_or_may_not_start_with_the_sign(string credit, string expected)
    {
        Assert.Equal(expected, FigureTitle.CleanCredit(credit));
    }
}
