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
    public bool NoCache { get; init; }
    public bool Timings { get; init; }
    public bool Quiet { get; init; }
    public bool Strict { get; init; }
    public bool Force { get; init; }
    /// <summary>Stop when this process ends (build.ps1 passes its own: a wrapper killed with SIGTERM
    /// takes its server along instead of leaving it serving).</summary>
    public int? ExitWith { get; init; }
    public int Port { get; init; } = 5000;
    public string Bind { get; init; } = "127.0.0.1";
    public string? Title { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>init: the new site's language, time zone and first author.</summary>
    public string Language { get; init; } = "fr";
    public string TimeZone { get; init; } = "Europe/Paris";
    public string? Author { get; init; }
    /// <summary>import: the old site's generator (jekyll, hugo) and folder.</summary>
    public string? Generator { get; init; }
    public string? From { get; init; }

    public static bool TryParse(string[] args, out CommandLine command, out string? error)
    {
        command = new CommandLine();
        error = null;
        var position = 0;
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            var name = args[0];
            if (name is not ("build" or "clean" or "help" or "serve" or "new" or "check" or "init" or "import"))
            {
                error = $"unknown command '{name}'";
                return false;
            }

            command = command with { Name = name };
            position = 1;
            if (name == "new" && args.Length > 1 && !args[1].StartsWith('-'))
            {
                command = command with { Title = args[1] };
                position = 2;
            }
            else if (name == "import")
            {
                if (args.Length < 2 || args[1] is not ("jekyll" or "hugo"))
                {
                    error = "import needs the old site's generator: gazette import jekyll --from OLD_SITE (or hugo)";
                    return false;
                }

                command = command with { Generator = args[1] };
                position = 2;
            }
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
                case "--no-cache":
                    command = command with { NoCache = true };
                    break;
                case "--timings" or "--verbose":
                    command = command with { Timings = true };
                    break;
                case "--port" or "-p":
                    var port = Value();
                    if (!int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number > 65535)
                    {
                        error = $"--port needs a number from 0 to 65535, not '{port}'";
                        return false;
                    }

                    command = command with { Port = number };
                    break;
                case "--bind":
                    var bind = Value() ?? Missing(option, ref error);
                    if (!System.Net.IPAddress.TryParse(bind, out _))
                    {
                        error ??= $"--bind needs an IP address such as 127.0.0.1, not '{bind}'";
                        return false;
                    }

                    command = command with { Bind = bind };
                    break;
                case "--category":
                    command = command with { Category = Value() ?? Missing(option, ref error) };
                    break;
                case "--tags":
                    command = command with
                    {
                        Tags = (Value() ?? Missing(option, ref error)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    };
                    break;
                case "--language":
                    command = command with { Language = Value() ?? Missing(option, ref error) };
                    break;
                case "--timezone":
                    command = command with { TimeZone = Value() ?? Missing(option, ref error) };
                    break;
                case "--author":
                    command = command with { Author = Value() ?? Missing(option, ref error) };
                    break;
                case "--from":
                    command = command with { From = Value() ?? Missing(option, ref error) };
                    break;
                case "--title":
                    command = command with { Title = Value() ?? Missing(option, ref error) };
                    break;
                case "--strict":
                    command = command with { Strict = true };
                    break;
                case "--force":
                    command = command with { Force = true };
                    break;
                case "--exit-with":
                    var pid = Value();
                    if (!int.TryParse(pid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var processId))
                    {
                        error = $"--exit-with needs a process id, not '{pid}'";
                        return false;
                    }

                    command = command with { ExitWith = processId };
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
