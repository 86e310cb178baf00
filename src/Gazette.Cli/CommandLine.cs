namespace Gazette.Cli;

/// <summary>The parsed command line; options mirror build.ps1's (-Source, -Output, -BaseUrl, -Drafts).</summary>
internal sealed record CommandLine
{
    public string Name { get; init; } = "build";
    public string Source { get; init; } = ".";
    public string? Output { get; init; }
    public string? BaseUrl { get; init; }
    public bool Drafts { get; init; }
    public bool Future { get; init; }
    public bool NoMinify { get; init; }
    public bool Timings { get; init; }
    public bool Quiet { get; init; }
    public bool Strict { get; init; }

    public static bool TryParse(string[] args, out CommandLine command, out string? error)
    {
        command = new CommandLine();
        error = null;
        var position = 0;
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            var name = args[0];
            if (name is not ("build" or "clean" or "help"))
            {
                error = $"unknown command '{name}'";
                return false;
            }

            command = command with { Name = name };
            position = 1;
        }

        for (; position < args.Length; position++)
        {
            var option = args[position];
            string? Value()
            {
                if (position + 1 >= args.Length)
                {
                    return null;
                }

                return args[++position];
            }

            switch (option)
            {
                case "--source" or "-s":
                    command = command with { Source = Value() ?? Missing(option, ref error) };
                    break;
                case "--output" or "-o":
                    command = command with { Output = Value() ?? Missing(option, ref error) };
                    break;
                case "--base-url":
                    command = command with { BaseUrl = Value() ?? Missing(option, ref error) };
                    break;
                case "--drafts":
                    command = command with { Drafts = true };
                    break;
                case "--future":
                    command = command with { Future = true };
                    break;
                case "--no-minify":
                    command = command with { NoMinify = true };
                    break;
                case "--timings" or "--verbose":
                    command = command with { Timings = true };
                    break;
                case "--strict":
                    command = command with { Strict = true };
                    break;
                case "--quiet" or "-q":
                    command = command with { Quiet = true };
                    break;
                case "--help" or "-h":
                    command = command with { Name = "help" };
                    break;
                default:
                    error = $"unknown option '{option}'";
                    return false;
            }

            if (error is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static string Missing(string option, ref string? error)
    {
        error = $"option '{option}' needs a value";
        return "";
    }
}
