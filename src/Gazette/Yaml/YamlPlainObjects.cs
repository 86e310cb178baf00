using Scriban.Runtime;

namespace Gazette.Yaml;

/// <summary>
/// Turns free-form YAML (unknown front matter keys, site.yml <c>params:</c>) into values templates
/// can read. Aliases share nodes, so a naive walk of an alias bomb would expand exponentially:
/// the walk is bounded in depth and in the total number of nodes it copies.
/// </summary>
internal static class YamlPlainObjects
{
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 32;

    public static object? Convert(YamlValue node)
    {
        var budget = MaxNodes;
        return Convert(node, 0, ref budget);
    }

    private static object? Convert(YamlValue node, int depth, ref int budget)
    {
        if (--budget < 0 || depth > MaxDepth)
        {
            return null;
        }

        switch (node)
        {
            case YamlScalar scalar:
                return scalar.IsNull ? null : scalar.Value;
            case YamlSequence sequence:
                var list = new ScriptArray();
                foreach (var item in sequence.Items)
                {
                    list.Add(Convert(item, depth + 1, ref budget));
                }

                return list;
            case YamlMapping mapping:
                var obj = new ScriptObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    obj[key.Value] = Convert(value, depth + 1, ref budget);
                }

                return obj;
            default:
                return null;
        }
    }
}
