using System.Reflection;
using System.Reflection.Emit;

namespace Gazette.Tests.Architecture;

/// <summary>
/// The engine's folders (one namespace each) depend on each other in one direction: every type
/// each folder's code names (in signatures and in method bodies, read from the compiled IL) is
/// looked up, and the folder graph must have no cycle and none of the arrows the architecture
/// forbids.
/// </summary>
public class LayeringTests
{
    /// <summary>The pipeline from bottom to top: a folder may use the folders before it only. Import
    /// (gazette import) reads old sites with the engine's parts; nothing of the engine uses it.</summary>
    private static readonly string[] Layers = ["Diagnostics", "Text", "Yaml", "Configuration", "Content", "Images", "Markdown", "Model", "Templates", "Output", "(engine)", "Import"];

    [Fact]
    public void Each_folder_of_the_engine_uses_only_the_folders_below_it_in_the_pipeline()
    {
        var arrows = FolderArrows(typeof(SiteBuilder).Assembly);
        var upward = arrows.Where(a => Array.IndexOf(Layers, a.From) <= Array.IndexOf(Layers, a.To))
            .Select(a => $"{a.From} -> {a.To} ({a.Example})").Order(StringComparer.Ordinal).ToList();

        Assert.True(upward.Count == 0, "arrows against the pipeline:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void The_folder_graph_knows_every_folder_of_the_engine()
    {
        var folders = typeof(SiteBuilder).Assembly.GetTypes().Select(FolderOf).OfType<string>().Distinct();
        Assert.All(folders, folder => Assert.Contains(folder, Layers));
    }

    [Fact]
    public void The_engine_knows_neither_the_command_line_nor_the_dev_server()
    {
        var references = typeof(SiteBuilder).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain("Gazette.Cli", references);
        Assert.DoesNotContain("Gazette.Server", references);
        Assert.Contains("Markdig", references); // the list is the real one
    }

    [Fact]
    public void The_check_sees_an_arrow_made_in_a_method_body()
    {
        // Output uses Model inside method bodies: the scan must find it (or every check above would pass vacuously).
        Assert.Contains(FolderArrows(typeof(SiteBuilder).Assembly), a => a.From == "Output" && a.To == "Model");
    }

    /// <summary>Each folder-to-folder use, with one example of it.</summary>
    private static List<(string From, string To, string Example)> FolderArrows(Assembly assembly)
    {
        var arrows = new Dictionary<(string, string), string>();
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            foreach (var used in TypesUsedBy(type).Where(t => t.Assembly == assembly))
            {
                if (FolderOf(used) is { } to && to != from)
                {
                    arrows.TryAdd((from, to), $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return [.. arrows.Select(a => (a.Key.Item1, a.Key.Item2, a.Value))];
    }

    /// <summary><c>Gazette.Model.Document</c> → <c>Model</c>; the root namespace's types → <c>(engine)</c>.</summary>
    private static string? FolderOf(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || (ns != "Gazette" && !ns.StartsWith("Gazette.", StringComparison.Ordinal)))
        {
            return null; // compiler-made helpers outside any namespace
        }

        return ns == "Gazette" ? "(engine)" : ns.Split('.')[1];
    }

    private static HashSet<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !used.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var face in type.GetInterfaces())
        {
            Add(face);
        }

        foreach (var field in type.GetFields(all))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(all))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var t in TypesInBody(method))
            {
                Add(t);
            }
        }

        return used;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types a method's IL names: what it calls, creates, reads, casts to.</summary>
    private static IEnumerable<Type> TypesInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            var token = code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok
                ? BitConverter.ToInt32(il, at) : 0;
            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            if (token == 0)
            {
                continue;
            }

            MemberInfo? member;
            try
            {
                member = method.Module.ResolveMember(token, typeArguments, methodArguments);
            }
            catch (ArgumentException)
            {
                continue; // a token of another generic context
            }

            switch (member)
            {
                case Type t:
                    yield return t;
                    break;
                case FieldInfo field:
                    yield return field.DeclaringType!;
                    yield return field.FieldType;
                    break;
                case MethodBase called:
                    yield return called.DeclaringType!;
                    if (called is MethodInfo { IsGenericMethod: true } generic)
                    {
                        foreach (var argument in generic.GetGenericArguments())
                        {
                            yield return argument;
                        }
                    }

                    break;
            }
        }
    }
}
