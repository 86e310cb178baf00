using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Gazette.Templates;

/// <summary>
/// A function the theme's templates call (<c>t</c>, <c>url</c>, <c>partial</c>…), invoked directly
/// with its evaluated arguments. Scriban's own <c>Import(delegate)</c> calls through reflection on
/// every call, which cost more than the function's work on a page with hundreds of calls, and
/// cannot run in a natively compiled (AOT) Gazette.
/// </summary>
internal sealed class TemplateFunction(string name, int requiredArguments, int maxArguments, Type returnType,
    Func<TemplateContext, ScriptNode?, ScriptArray, object?> body) : IScriptCustomFunction
{
    public int RequiredParameterCount => requiredArguments;

    public int ParameterCount => maxArguments;

    // Direct: Scriban hands over the evaluated arguments as they are; the function converts them.
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => returnType;

    // Scriban asks for each argument's description at every call: they are made once.
    private static readonly ScriptParameterInfo[] Parameters =
        [.. Enumerable.Range(0, 8).Select(i => new ScriptParameterInfo(typeof(object), "arg" + i.ToString(CultureInfo.InvariantCulture)))];

    public ScriptParameterInfo GetParameterInfo(int index) =>
        index < Parameters.Length ? Parameters[index] : new(typeof(object), "arg" + index.ToString(CultureInfo.InvariantCulture));

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        // Scriban refuses too few arguments at the call, but hands over too many.
        if (arguments.Count < requiredArguments || arguments.Count > maxArguments)
        {
            var expected = requiredArguments == maxArguments
                ? requiredArguments.ToString(CultureInfo.InvariantCulture)
                : $"{requiredArguments} to {maxArguments}";
            throw new ScriptRuntimeException(Position(callerContext),
                $"'{name}' takes {expected} argument{(maxArguments == 1 ? "" : "s")}, not {arguments.Count}");
        }

        return body(context, callerContext, arguments);
    }

    /// <summary>Where the function's name is written, for error messages.</summary>
    internal static Scriban.Parsing.SourceSpan Position(ScriptNode? caller) =>
        caller is ScriptFunctionCall { Target: { } target } ? target.Span : caller?.Span ?? default;

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    /// <summary>A function of one text argument (a number or a boolean is printed as text).</summary>
    public static TemplateFunction OfText(string name, Func<string, object?> body) =>
        new(name, 1, 1, typeof(string), (context, caller, args) => body(Text(context, caller, args, 0, name)));

    /// <summary>A function of one date argument.</summary>
    public static TemplateFunction OfDate(string name, Func<DateTimeOffset, string> body) =>
        new(name, 1, 1, typeof(string), (_, caller, args) => body(Date(caller, args, 0, name)));

    public static string Text(TemplateContext context, ScriptNode? caller, ScriptArray args, int index, string function) =>
        args[index] switch
        {
            string text => text,
            null => throw new ScriptRuntimeException(Position(caller), $"'{function}' needs text, got nothing (null)"),
            var other => context.ObjectToString(other) ?? "",
        };

    public static DateTimeOffset Date(ScriptNode? caller, ScriptArray args, int index, string function) =>
        args[index] switch
        {
            DateTimeOffset date => date,
            DateTime date => new DateTimeOffset(date),
            var other => throw new ScriptRuntimeException(Position(caller),
                $"'{function}' needs a date, got {(other is null ? "nothing (null)" : other.GetType().Name)}"),
        };

    public static int Integer(ScriptNode? caller, ScriptArray args, int index, string function) =>
        args[index] switch
        {
            int number => number,
            long number and >= int.MinValue and <= int.MaxValue => (int)number,
            var other => throw new ScriptRuntimeException(Position(caller),
                $"'{function}' needs a whole number, got {(other is null ? "nothing (null)" : other.GetType().Name)}"),
        };
}
