using System.Globalization;
using Gazette.Configuration;
using Gazette.Content;
using Gazette.Diagnostics;
using Gazette.Images;
using Gazette.Markdown.Figures;
using Gazette.Markdown.Headings;
using Gazette.Markdown.Highlighting;
using Gazette.Markdown.Typography;
using Gazette.Markdown.Videos;
using Gazette.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gazette.Markdown;

/// <summary>A heading of an article, for its table of contents.</summary>
internal sealed record TocEntry(int Level, string Text, string Id);

/// <summary>The HTML of an article body, with what was found in it.</summary>
/// <param name="Body">The HTML, with the places of its figures and review box for the theme.</param>
/// <param name="ReviewPlaced">True when the body holds the review marker (the box has its place in <paramref name="Body"/>).</param>
/// <param name="Findings">Problems worth a warning in <c>gazette check</c> (images without alt text, malformed links).</param>
internal sealed record RenderedMarkdown(ArticleBody Body, IReadOnlyList<Figure> Figures, IReadOnlyList<TocEntry> Headings, int WordCount, bool ReviewPlaced,
    IReadOnlyList<Diagnostic> Findings)
{
    /// <summary>The videos of the body, in order.</summary>
    public IReadOnlyList<Video> Videos { get; init; } = [];
}

/// <summary>What the renderer needs to know about the document it renders.</summary>
/// <param name="SourcePath">Path shown in diagnostics.</param>
/// <param name="BodyLineOffset">Lines of front matter before the body.</param>
/// <param name="Review">The document's review box, which the author may place with the review marker; null without a review.</param>
internal sealed record MarkdownContext(
    string SourcePath,
    int BodyLineOffset,
    DocumentPlace Place,
    string Language,
    TypographyMode Typography,
    ReviewInfo? Review = null);

/// <summary>
/// Turns an article body into HTML with one immutable pipeline per typography mode, built once
/// per build. After parsing it walks the syntax tree once: images are resolved (missing file →
/// error at its line), sized and lazily loaded, root-relative links move under the base path,
/// and an image alone in its paragraph becomes a figure, whose place the theme fills (<see cref="ArticleBody"/>).
/// </summary>
internal sealed partial class MarkdownRenderer
{
    /// <summary>A Liquid tag (<c>{% … %}</c>) or a filtered expression (<c>{{ x | f }}</c>); the
    /// spaces typography puts before '%' are allowed.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\{[\u00A0\u202F ]?%.{0,200}?%[\u00A0\u202F ]?\}|\{\{[^{}\n]{0,200}?\|[^{}\n]{0,200}?\}\}")]
    private static partial System.Text.RegularExpressions.Regex TemplateSyntax();

    /// <summary>A paragraph holding only this places the review box (otherwise it closes the article).</summary>
    public const string ReviewMarker = "{{< review >}}";

    private readonly Dictionary<TypographyMode, MarkdownPipeline> _pipelines;
    // Renderers set up for each pipeline, reused article after article: setting one up makes some
    // thirty objects and runs every extension's setup.
    private readonly Dictionary<TypographyMode, ScratchPool<ArticleRenderer>> _renderers;
    private readonly ImageResolver _images;
    private readonly SiteUrls _urls;
    private readonly Func<string, string> _anchorLabel;
    private readonly bool _unsafeHtml;
    private readonly RawHtml.HtmlAllowlist _allowlist;
    private readonly MarkdownCache? _cache;
    private readonly HtmlSpill? _spill;

    /// <summary>The longest one article's Markdown may take to parse: a last resort, long enough that
    /// no real article reaches it on a loaded machine (the shapes known to be slow are refused
    /// before parsing, at their line, by <see cref="MarkdownShape"/>).</summary>
    public static readonly TimeSpan ParseTimeLimit = TimeSpan.FromSeconds(30);

    /// <param name="anchorLabel">The accessible name of heading anchor links, by language.</param>
    /// <param name="unsafeHtml">Keep raw HTML and javascript:/vbscript:/data: links (site.yml markdown.unsafe_html).</param>
    /// <param name="githubHeadingIds">Heading ids as GitHub makes them (site.yml markdown.heading_ids: github).</param>
    /// <param name="cache">Bodies rendered by earlier builds, made with these settings (its fingerprint says so).</param>
    public MarkdownRenderer(ImageResolver images, SiteUrls urls, Func<string, string> anchorLabel,
        bool unsafeHtml = false, bool githubHeadingIds = false, MarkdownCache? cache = null, HtmlSpill? spill = null)
    {
        _cache = cache;
        _spill = spill;
        _unsafeHtml = unsafeHtml;
        _images = images;
        _urls = urls;
        _allowlist = new RawHtml.HtmlAllowlist(urls.RootRelative);
        _anchorLabel = anchorLabel;
        _pipelines = Enum.GetValues<TypographyMode>().ToDictionary(mode => mode, mode =>
        {
            var builder = new MarkdownPipelineBuilder()
                .UseAutoIdentifiers(githubHeadingIds ? AutoIdentifierOptions.GitHub : AutoIdentifierOptions.Default)
                .UsePipeTables()
                .UseFootnotes()
                .UseEmphasisExtras()
                .UseTaskLists()
                .UseListExtras()
                .UseAutoLinks();
            builder.Extensions.Add(new TypographyExtension(mode));
            builder.Extensions.Add(new ThemePlaceExtension());
            builder.Extensions.Add(new HeadingAnchorExtension());
            builder.Extensions.Add(new HighlightingExtension());
            return builder.Build();
        });
        _renderers = _pipelines.ToDictionary(pair => pair.Key, pair => new ScratchPool<ArticleRenderer>(() => ArticleRenderer.For(pair.Value)));
    }

    public RenderedMarkdown? Render(string markdown, MarkdownContext context, DiagnosticBag diagnostics) =>
        Render(MarkdownText.OfString(markdown), context, diagnostics);

    /// <summary>Renders a body, or takes it from the cache by its bytes: the Markdown is decoded
    /// only when it has to be parsed.</summary>
    public RenderedMarkdown? Render(MarkdownText text, MarkdownContext context, DiagnosticBag diagnostics)
    {
        if (_cache is null)
        {
            return Render(text.Text, context, diagnostics, null);
        }

        var key = MarkdownCache.KeyOf(text, context, _images.ContentRoot);
        if (_cache.Find(key) is { } entry && Replay(entry, context, diagnostics) is { } replayed)
        {
            _cache.Keep(key, entry, made: false);
            return replayed;
        }

        // Rendered with its own diagnostics, which the entry keeps to give them again.
        var own = new DiagnosticBag();
        var record = new RenderRecord(_images.ContentRoot);
        var rendered = Render(text.Text, context, own, record);
        diagnostics.AddRange(own);
        if (rendered is not null && !own.HasErrors)
        {
            _cache.Keep(key, record.Entry(rendered, own.ToList()), made: true);
        }

        return rendered;
    }

    private RenderedMarkdown? Render(string markdown, MarkdownContext context, DiagnosticBag diagnostics, RenderRecord? record)
    {
        var pipeline = _pipelines[context.Typography];
        // Only long texts can take long: shorter ones parse in well under a second whatever their
        // shape (and one Markdig refuses is located below), so most articles skip the scan.
        if (markdown.Length >= InlineParseLimit && MarkdownShape.Find(markdown) is { } shape)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooSlow, new SourceLocation(context.SourcePath, shape.Line + context.BodyLineOffset, 1), shape.Message);
            return null;
        }

        MarkdownDocument? document;
        try
        {
            document = ParseWithinTimeLimit(markdown, pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Markdig's nesting limit throws without a position (emphasis or brackets nested
            // hundreds deep): the line with the most markup is where to look.
            ReportNesting(markdown, context, diagnostics, e);
            return null;
        }

        if (document is null)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooSlow, SourceLocation.File(context.SourcePath),
                $"the Markdown took more than {ParseTimeLimit.TotalSeconds:F0} s to read; look for long runs of unclosed brackets or emphasis, and report the file to Gazette");
            return null;
        }

        // One walk of the tree collects every node the steps below look at.
        var article = _renderers[context.Typography].Rent();
        var nodes = article.Nodes;
        nodes.Collect(document);
        if (!_unsafeHtml)
        {
            RemoveUnsafeMarkup(nodes, context, diagnostics, record);
        }

        var words = 0;
        var findings = new List<Diagnostic>();
        foreach (var link in nodes.Links)
        {
            if (link.IsImage && VideoLinks.Parse(link.Url) is not null)
            {
                continue; // ![Title](https://youtu.be/…): a video, not a photo
            }

            if (link.IsImage)
            {
                ResolveImage(link, context, diagnostics, record);
                if (link.FirstChild is null)
                {
                    findings.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.ImageWithoutAlt,
                        $"image '{link.Url}' has no alt text; describe it between the brackets: ![what it shows](…)", ImageLocation(link, context)));
                }
            }
            else if (link.Url is { } url && link.Parent is not null)
            {
                if (MalformedExternal(url))
                {
                    findings.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.LinkMalformed,
                        $"link '{url}' is not a valid URL; external links look like https://example.com/page", ImageLocation(link, context)));
                }

                link.Url = _urls.RootRelative(url);
            }
        }

        foreach (var literal in nodes.Literals)
        {
            var text = literal.Content.AsSpan();
            words += CountWords(text);
            if (text.Contains('{') && TemplateSyntax().Match(TextFrom(literal)) is { Success: true } tag && tag.Index < text.Length)
            {
                // Liquid or Go template code an import left in the text: printed as it is, never run.
                diagnostics.Warning(DiagnosticCodes.TemplateSyntaxInText, new SourceLocation(context.SourcePath, literal.Line + 1 + context.BodyLineOffset, literal.Column + 1),
                    $"'{tag.Value}' is template code, printed as text (Gazette never runs template code in an article); "
                    + "rewrite it in Markdown, or put it in `backticks` if the article shows code");
            }
        }

        var figures = new List<Figure>();
        var videos = new List<Video>();
        var reviewPlaced = false;
        foreach (var paragraph in nodes.Paragraphs)
        {
            if (LoneVideo(paragraph, context, diagnostics, record) is { } video)
            {
                paragraph.SetData(typeof(Video), video);
                videos.Add(video);
            }
            else if (ThemePlaceExtension.LoneImage(paragraph) is { } image && image.GetData(typeof(ResolvedImage)) is ResolvedImage resolved)
            {
                var figure = CreateFigure(image, resolved, context, diagnostics, record);
                paragraph.SetData(typeof(Figure), figure);
                figures.Add(figure);
            }
            else if (context.Review is not null && IsReviewMarker(paragraph))
            {
                paragraph.SetData(ThemePlaceExtension.ReviewPlace, true);
                reviewPlaced = true;
            }
        }

        var headings = new List<TocEntry>();
        foreach (var heading in nodes.Headings)
        {
            if (heading.GetAttributes().Id is { } id)
            {
                headings.Add(new TocEntry(heading.Level, InlineText(heading.Inline), id));
            }
        }

        var html = article.Html;
        html.Clear();
        article.Places.Places.Clear();
        article.Headings.AnchorLabel = _anchorLabel(context.Language);
        try
        {
            article.Renderer.Render(document);
            article.Renderer.Writer.Flush();
            Text.XmlText.ReplaceForbidden(html);
        }
        catch (ArgumentException e)
        {
            // The HTML renderer's own nesting limit (emphasis nested hundreds deep parses, then
            // cannot be written); a renderer stopped halfway is not reused.
            ReportNesting(markdown, context, diagnostics, e);
            return null;
        }

        var body = Split(html, article.Places.Places, context, _spill);
        _renderers[context.Typography].Return(article);
        return new RenderedMarkdown(body, figures, headings, words, reviewPlaced, findings) { Videos = videos };
    }

    /// <summary>The article's HTML cut at the places the theme fills.</summary>
    private static ArticleBody Split(System.Text.StringBuilder html, List<(int At, object? Place)> places, MarkdownContext context, HtmlSpill? spill)
    {
        var pieces = new List<HtmlString>(places.Count + 1);
        var from = 0;
        foreach (var (at, _) in places)
        {
            pieces.Add(HtmlString.Compact(html, from, at - from, spill));
            from = at;
        }

        pieces.Add(HtmlString.Compact(html, from, html.Length - from, spill));
        return new ArticleBody(pieces, [.. places.Select(place => place.Place)], context.Review, context.Language);
    }

    /// <summary>Markdig's nesting limit says nothing of where: the shape scan finds a nest of lists
    /// or quotes; otherwise the line with the most markup (emphasis or brackets) is where to look.</summary>
    private static void ReportNesting(string markdown, MarkdownContext context, DiagnosticBag diagnostics, Exception e)
    {
        if (MarkdownShape.Find(markdown) is { } shape)
        {
            diagnostics.Error(DiagnosticCodes.MarkdownTooSlow, new SourceLocation(context.SourcePath, shape.Line + context.BodyLineOffset, 1), shape.Message);
            return;
        }

        diagnostics.Error(DiagnosticCodes.MarkdownFailed, new SourceLocation(context.SourcePath, MarkdownShape.BusiestLine(markdown) + context.BodyLineOffset, 1),
            $"the Markdown could not be parsed ({e.Message}); look for emphasis or brackets nested hundreds deep on this line");
    }

    /// <summary>An HTML renderer set up for a pipeline, writing into a buffer that keeps the
    /// capacity the longest article needed (the HTML goes from it to UTF-8 without a string in
    /// between), with the extensions' renderers that are told about each article, and the lists
    /// of nodes the steps before rendering look at.</summary>
    private sealed record ArticleRenderer(HtmlRenderer Renderer, System.Text.StringBuilder Html,
        ThemePlaceRenderer Places, HeadingAnchorRenderer Headings, DocumentNodes Nodes)
    {
        public static ArticleRenderer For(MarkdownPipeline pipeline)
        {
            var html = new System.Text.StringBuilder(64 * 1024);
            var renderer = new HtmlRenderer(new StringWriter(html, CultureInfo.InvariantCulture));
            pipeline.Setup(renderer);
            return new ArticleRenderer(renderer, html, renderer.ObjectRenderers.FindExact<ThemePlaceRenderer>()!,
                renderer.ObjectRenderers.FindExact<HeadingAnchorRenderer>()!, new DocumentNodes());
        }
    }

    /// <summary>The text of a literal and of the literals right after it (Markdig cuts text at '|',
    /// which might start a table).</summary>
    private static string TextFrom(LiteralInline literal)
    {
        var text = new System.Text.StringBuilder(literal.Content.ToString());
        for (var next = literal.NextSibling as LiteralInline; next is not null && text.Length < 500; next = next.NextSibling as LiteralInline)
        {
            text.Append(next.Content.AsSpan());
        }

        return text.ToString();
    }

    /// <summary>A link that tries to be external (a scheme, or "www.") but cannot be one.</summary>
    private static bool MalformedExternal(string url)
    {
        if (url.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            return !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || !url.Contains("://", StringComparison.Ordinal);
        }

        return url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || url.StartsWith("htp", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("htps", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Raw HTML keeps what the allowlist allows (figures, tables, line breaks, players from
    /// known hosts…), and script-capable link targets are dropped (the link text stays); what goes
    /// is reported at its line.</summary>
    private void RemoveUnsafeMarkup(DocumentNodes nodes, MarkdownContext context, DiagnosticBag diagnostics, RenderRecord? record)
    {
        SourceLocation At(int line, int column) => new(context.SourcePath, line + 1 + context.BodyLineOffset, column + 1);
        void Report(List<string> removed, int line, int column)
        {
            if (removed.Count > 0)
            {
                diagnostics.Warning(DiagnosticCodes.UnsafeMarkup, At(line, column),
                    $"raw HTML: {string.Join(", ", removed.Distinct(StringComparer.Ordinal))} left out (only safe HTML is kept, and players from known hosts); "
                    + "write it in Markdown, or set 'markdown: { unsafe_html: true }' in site.yml if this HTML is trusted");
            }
        }

        var removed = new List<string>();
        foreach (var block in nodes.HtmlBlocks)
        {
            removed.Clear();
            var cleaned = _allowlist.CleanBlock(block.Lines.ToString(), removed, src => Resolve(src, context, At(block.Line, block.Column), diagnostics, record));
            Report(removed, block.Line, block.Column);
            if (string.IsNullOrWhiteSpace(cleaned))
            {
                block.Parent?.Remove(block);
            }
            else
            {
                block.Lines = new Markdig.Helpers.StringLineGroup(cleaned);
            }
        }

        foreach (var inline in nodes.HtmlInlines)
        {
            removed.Clear();
            var cleaned = _allowlist.CleanTag(inline.Tag, removed, src => Resolve(src, context, At(inline.Line, inline.Column), diagnostics, record));
            Report(removed, inline.Line, inline.Column);
            if (cleaned is null)
            {
                inline.Remove();
            }
            else
            {
                inline.Tag = cleaned;
            }
        }

        foreach (var link in nodes.Links)
        {
            if (link.IsImage || Text.UrlPolicy.IsAllowed(link.Url))
            {
                continue;
            }

            diagnostics.Warning(DiagnosticCodes.UnsafeMarkup, At(link.Line, link.Column),
                UrlPolicy.Dropped(link.Url ?? ""));
            while (link.FirstChild is { } child)
            {
                child.Remove();
                link.InsertBefore(child);
            }

            link.Remove(); // its Parent is now null: the link steps below skip it
        }

        foreach (var autolink in nodes.Autolinks)
        {
            if (!Text.UrlPolicy.IsAllowed(autolink.Url))
            {
                diagnostics.Warning(DiagnosticCodes.UnsafeMarkup, At(autolink.Line, autolink.Column), UrlPolicy.Dropped(autolink.Url));
                var literal = new LiteralInline(autolink.Url);
                autolink.ReplaceBy(literal);
                nodes.Literals.Add(literal);
            }
        }
    }

    /// <summary>The nodes of a parsed document that rendering looks at, in document order.</summary>
    private sealed class DocumentNodes
    {
        public List<HtmlBlock> HtmlBlocks { get; } = [];
        public List<HtmlInline> HtmlInlines { get; } = [];
        public List<LinkInline> Links { get; } = [];
        public List<AutolinkInline> Autolinks { get; } = [];
        public List<LiteralInline> Literals { get; } = [];
        public List<ParagraphBlock> Paragraphs { get; } = [];
        public List<HeadingBlock> Headings { get; } = [];

        public void Collect(MarkdownDocument document)
        {
            HtmlBlocks.Clear();
            HtmlInlines.Clear();
            Links.Clear();
            Autolinks.Clear();
            Literals.Clear();
            Paragraphs.Clear();
            Headings.Clear();
            Visit(document);
        }

        private void Visit(Block block)
        {
            switch (block)
            {
                case HtmlBlock html:
                    HtmlBlocks.Add(html);
                    break;
                case ParagraphBlock paragraph:
                    Paragraphs.Add(paragraph);
                    break;
                case HeadingBlock heading:
                    Headings.Add(heading);
                    break;
            }

            if (block is ContainerBlock container)
            {
                foreach (var child in container)
                {
                    Visit(child);
                }
            }
            else if (block is LeafBlock { Inline: { } inline })
            {
                Visit(inline);
            }
        }

        private void Visit(ContainerInline container)
        {
            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        Literals.Add(literal);
                        break;
                    case LinkInline link:
                        Links.Add(link);
                        break;
                    case AutolinkInline autolink:
                        Autolinks.Add(autolink);
                        break;
                    case HtmlInline html:
                        HtmlInlines.Add(html);
                        break;
                }

                if (inline is ContainerInline nested)
                {
                    Visit(nested);
                }
            }
        }
    }

    /// <summary>Files under this size parse on the calling thread: Markdig's slow cases need long
    /// inputs, and a thread per file would cost every build.</summary>
    private const int InlineParseLimit = 32 * 1024;

    /// <summary>Parses, giving up after <see cref="ParseTimeLimit"/> on inputs that make Markdig
    /// quadratic ("[a](" repeated). The abandoned parse finishes on its own background thread.</summary>
    private static MarkdownDocument? ParseWithinTimeLimit(string markdown, MarkdownPipeline pipeline)
    {
        if (markdown.Length < InlineParseLimit)
        {
            return Markdig.Markdown.Parse(markdown, pipeline);
        }

        MarkdownDocument? document = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                document = Markdig.Markdown.Parse(markdown, pipeline);
            }
#pragma warning disable CA1031 // handed back to the calling thread below
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        }, maxStackSize: 16 * 1024 * 1024)
        { IsBackground = true, Name = "gazette-markdown" };
        thread.Start();
        if (!thread.Join(ParseTimeLimit))
        {
            return null;
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return document;
    }

    private static SourceLocation ImageLocation(LinkInline image, MarkdownContext context) =>
        new(context.SourcePath, image.Line + 1 + context.BodyLineOffset, image.Column + 1);

    /// <summary>Resolves an image of the body, and records what it asked and got.</summary>
    private ResolvedImage? Resolve(string src, MarkdownContext context, SourceLocation location, DiagnosticBag diagnostics, RenderRecord? record)
    {
        var resolved = _images.Resolve(src, context.Place, location, diagnostics);
        if (resolved is not null)
        {
            record?.Images.Add((src, resolved));
        }

        return resolved;
    }

    private void ResolveImage(LinkInline image, MarkdownContext context, DiagnosticBag diagnostics, RenderRecord? record)
    {
        if (Resolve(image.Url ?? "", context, ImageLocation(image, context), diagnostics, record) is not { } resolved)
        {
            return;
        }

        image.Url = resolved.Url;
        image.SetData(typeof(ResolvedImage), resolved);
        var attributes = image.GetAttributes();
        if (resolved.Dimensions is { } size)
        {
            attributes.AddPropertyIfNotExist("width", size.Width.ToString(CultureInfo.InvariantCulture));
            attributes.AddPropertyIfNotExist("height", size.Height.ToString(CultureInfo.InvariantCulture));
        }

        attributes.AddPropertyIfNotExist("loading", "lazy");
        attributes.AddPropertyIfNotExist("decoding", "async");
    }

    private static bool IsReviewMarker(ParagraphBlock paragraph) =>
        paragraph.Inline is { } inline && InlineText(inline).Trim() == ReviewMarker;

    private static string AltText(LinkInline image) => InlineText(image);

    private static Figure CreateFigure(LinkInline image, ResolvedImage resolved, MarkdownContext context, DiagnosticBag diagnostics, RenderRecord? record)
    {
        var (caption, credit) = FigureTitle.Split(image.Title);
        var figure = FigureFactory.Create(resolved, AltText(image), caption, credit, null, isCover: false, context.Typography,
            url => diagnostics.Warning(DiagnosticCodes.UnsafeMarkup, ImageLocation(image, context), UrlPolicy.Dropped(url)));
        if (!figure.HasCredit)
        {
            diagnostics.Warning(DiagnosticCodes.PhotoWithoutCredit, ImageLocation(image, context),
                $"photo '{image.Url}' has no credit; add it to the title (\"Légende © Agence\") or to the file's IPTC/XMP metadata");
        }

        record?.Figure(figure, resolved);
        return figure;
    }

    /// <summary>
    /// A video link alone in its paragraph: a bare URL (<c>https://youtu.be/…</c> or <c>&lt;…&gt;</c>),
    /// a link (<c>[Title](https://youtu.be/…)</c>), an image-syntax link (<c>![Title](https://youtu.be/…)</c>,
    /// as Markdig's media links), or a photo linking to the video (<c>[![Poster](poster.jpg "© Credit")](https://youtu.be/…)</c>),
    /// whose photo is the poster.
    /// </summary>
    private static Video? LoneVideo(ParagraphBlock paragraph, MarkdownContext context, DiagnosticBag diagnostics, RenderRecord? record)
    {
        switch (ThemePlaceExtension.LoneInline(paragraph))
        {
            case AutolinkInline { IsEmail: false } autolink when VideoLinks.Parse(autolink.Url) is { } video:
                return video;
            case LinkInline { IsImage: true } image when VideoLinks.Parse(image.Url) is { } video:
                return video with { Title = AltText(image).Trim() };
            case LinkInline link when VideoLinks.Parse(link.Url) is { } video:
                if (link.FirstChild is LinkInline { IsImage: true } poster && poster.NextSibling is null)
                {
                    return video with
                    {
                        Title = AltText(poster).Trim(),
                        Poster = poster.GetData(typeof(ResolvedImage)) is ResolvedImage resolved ? CreateFigure(poster, resolved, context, diagnostics, record) : null,
                    };
                }

                return link.IsAutoLink ? video : video with { Title = InlineText(link).Trim() };
            default:
                return null;
        }
    }

    /// <summary>The text of inlines, without markup.</summary>
    internal static string InlineText(ContainerInline? container)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        void Walk(ContainerInline parent)
        {
            for (var child = parent.FirstChild; child is not null; child = child.NextSibling)
            {
                switch (child)
                {
                    case LiteralInline literal:
                        writer.Write(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        writer.Write(code.Content);
                        break;
                    case LineBreakInline:
                        writer.Write(' ');
                        break;
                    case ContainerInline nested:
                        Walk(nested);
                        break;
                }
            }
        }

        if (container is not null)
        {
            Walk(container);
        }

        return writer.ToString();
    }

    // What each ASCII character is to a word count: 0 separates words, 1 is a letter or digit,
    // 2 joins ("aujourd'hui", "peut-être" are one word each).
    private static readonly byte[] AsciiWordKinds = BuildAsciiWordKinds();

    private static byte[] BuildAsciiWordKinds()
    {
        var kinds = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            kinds[c] = char.IsAsciiLetterOrDigit((char)c) ? (byte)1 : c is '\'' or '-' ? (byte)2 : (byte)0;
        }

        return kinds;
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        // Counts letters that follow a separator; a table lookup and no branch per character
        // (this runs over every character of every article).
        var count = 0;
        var inWord = 0;
        var kinds = AsciiWordKinds;
        foreach (var c in text)
        {
            int kind = c < 128 ? kinds[c] : char.IsLetterOrDigit(c) ? 1 : c == '’' ? 2 : 0;
            count += kind & 1 & (inWord ^ 1);
            inWord = (kind + 1) >> 1;
        }

        return count;
    }
}
