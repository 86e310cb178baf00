using System.Reflection;
using System.Runtime.CompilerServices;

namespace Gazette.Tests.Architecture;

/// <summary>
/// The engine keeps no state in statics: what a build needs lives in the objects of that build
/// (reusable buffers and contexts in each owner's <c>ScratchPool</c>), so two builds, the dev
/// server's updates or parallel tests never share anything but immutable tables.
/// </summary>
public class StaticStateTests
{
    [Fact]
    public void Every_static_field_of_the_engine_is_readonly_or_constant()
    {
        var mutable = MutableStaticFields(typeof(SiteBuilder).Assembly);

        Assert.True(mutable.Count == 0, "static fields that can change (make them per build):\n" + string.Join("\n", mutable));
    }

    [Fact]
    public void The_check_sees_a_mutable_static_field()
    {
        Assert.Equal([$"{typeof(WithState).FullName}.{nameof(WithState.Count)}"], MutableStaticFields(typeof(StaticStateTests).Assembly)
            .Where(f => f.StartsWith(typeof(WithState).FullName!, StringComparison.Ordinal)));
    }

    private static List<string> MutableStaticFields(Assembly assembly) =>
        [.. assembly.GetTypes()
            // Compiler-made types (lambda caches, generated regular expressions) are not the code's state.
            .Where(type => type.GetCustomAttribute<CompilerGeneratedAttribute>() is null && !type.Name.Contains('<', StringComparison.Ordinal)
                && type.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>() is null)
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(field => !field.IsLiteral && (!field.IsInitOnly || field.GetCustomAttribute<ThreadStaticAttribute>() is not null)
                && field.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Select(field => $"{field.DeclaringType!.FullName}.{field.Name}")];

    private static class WithState
    {
#pragma warning disable CA2211 // the mutable static the check must find
        public static int Count = 1;
#pragma warning restore CA2211
    }
}
