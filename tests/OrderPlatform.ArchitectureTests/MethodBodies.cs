using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// What compiled method bodies call and construct, read from their IL. Reflection alone cannot see
/// inside a method; decoding the opcodes can, including the async state machines and lambdas the
/// compiler moves a method's code into (nested types of the type that wrote the code).
/// </summary>
internal static class MethodBodies
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opCode => (ushort)opCode.Value);

    /// <summary>A method or constructor referenced by <paramref name="OpCode"/> in the code of <paramref name="Writer"/>.</summary>
    public sealed record Reference(Type Writer, OpCode OpCode, MethodBase Target);

    /// <summary>Every method reference in the code of the assembly's types, each attributed to the outermost type that wrote it.</summary>
    public static IEnumerable<Reference> ReferencesIn(Assembly assembly) =>
        assembly.GetTypes().SelectMany(type =>
            type.GetMethods(Declared).Cast<MethodBase>()
                .Concat(type.GetConstructors(Declared))
                .SelectMany(method => ReferencesIn(method).Select(reference => new Reference(Writer(type), reference.OpCode, reference.Target))));

    /// <summary>The compiler's own types (closures, state machines) have names that C# cannot spell.</summary>
    public static bool IsCompilerGenerated(Type type) =>
        type.Name.StartsWith('<') || type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private static Type Writer(Type type)
    {
        var writer = type;
        while (writer.DeclaringType is { } outer)
        {
            writer = outer;
        }

        return writer;
    }

    private static IEnumerable<(OpCode OpCode, MethodBase Target)> ReferencesIn(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            OpCode opCode;
            if (il[at] == 0xFE)
            {
                opCode = OpCodesByValue[(ushort)(0xFE00 | il[at + 1])];
                at += 2;
            }
            else
            {
                opCode = OpCodesByValue[il[at]];
                at += 1;
            }

            if (opCode.OperandType == OperandType.InlineMethod)
            {
                yield return (opCode, method.Module.ResolveMethod(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!);
            }

            at += OperandSize(opCode.OperandType, il, at);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
