using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.Requests;

/// <summary>
/// R5: a member the request type does not know is ignored, as AnQiCMS ignores it. When the request is
/// refused anyway, data.unknown_members lists those members with the known member each most likely
/// misspells, since a misspelt member is a common reason for the refusal (good_id for goods_id gives
/// no_items). Only refusals pay for this: an accepted body is never walked a second time.
/// </summary>
internal static class UnknownMembers
{
    public const string DataKey = "unknown_members";

    /// <summary>A body of many thousand unknown members must not make an answer many times its own size.</summary>
    public const int MaxListed = 20;

    private static readonly ConcurrentDictionary<Type, KeyValuePair<string, Type>[]> KnownByType = new();

    /// <summary><paramref name="refusal"/>, with the unknown members of the body read from <paramref name="bytes"/> as <paramref name="bodyType"/>.</summary>
    public static Error Listed(Error refusal, Type bodyType, ReadOnlyMemory<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(refusal);

        // The body was parsed once already, strictly, so it parses again.
        using var document = JsonDocument.Parse(bytes);
        return Listed(refusal, bodyType, document.RootElement);
    }

    /// <summary><paramref name="refusal"/>, with the unknown members of <paramref name="body"/> read as <paramref name="bodyType"/>.</summary>
    public static Error Listed(Error refusal, Type bodyType, JsonElement body)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(bodyType);
        var found = new List<UnknownMember>();
        Walk(bodyType, body, string.Empty, found);
        return found.Count == 0 ? refusal : refusal.With(DataKey, found.ToArray());
    }

    /// <summary>Follows the body as the request type reads it: known members into their types, list elements by index; an unknown member is listed, not entered.</summary>
    private static void Walk(Type type, JsonElement value, string path, List<UnknownMember> found)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    Walk(type.GetGenericArguments()[0], element, $"{path}[{index++}]", found);
                }
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Object || type == typeof(string) || !type.IsClass)
        {
            return;
        }

        var known = KnownByType.GetOrAdd(type, KnownMembersOf);
        foreach (var member in value.EnumerateObject())
        {
            if (found.Count == MaxListed)
            {
                return;
            }

            var memberPath = path.Length == 0 ? member.Name : path + "." + member.Name;
            var match = Array.FindIndex(known, pair => pair.Key == member.Name);
            if (match >= 0)
            {
                Walk(known[match].Value, member.Value, memberPath, found);
            }
            else
            {
                found.Add(new UnknownMember(memberPath, Closest(member.Name, known)));
            }
        }
    }

    /// <summary>The JSON names a type reads, as System.Text.Json names them (snake_case, case-sensitive), in declaration order.</summary>
    private static KeyValuePair<string, Type>[] KnownMembersOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(property => KeyValuePair.Create(ApiJson.Options.PropertyNamingPolicy!.ConvertName(property.Name), property.PropertyType))
            .ToArray();

    /// <summary>
    /// The known name nearest to <paramref name="name"/>, ignoring case, by edit distance (a swap of
    /// two neighbours counts as one edit); close enough when at most a third of the longer name's
    /// characters, and always one, are edited. On a tie the longer shared beginning wins, since a name
    /// cut short keeps its start (goods_sku is goods_sku_id rather than goods_id), then the earlier declared.
    /// </summary>
    private static string? Closest(string name, KeyValuePair<string, Type>[] known)
    {
        var lowered = name.ToLowerInvariant();
        string? closest = null;
        var best = (Distance: int.MaxValue, SharedStart: 0);
        foreach (var (candidate, _) in known)
        {
            var allowed = Math.Max(1, Math.Max(name.Length, candidate.Length) / 3);

            // The distance is at least the difference in length; a long name costs nothing to rule out.
            if (Math.Abs(name.Length - candidate.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance(lowered, candidate);
            var sharedStart = lowered.AsSpan().CommonPrefixLength(candidate);
            if (distance <= allowed && (distance < best.Distance || (distance == best.Distance && sharedStart > best.SharedStart)))
            {
                (closest, best) = (candidate, (distance, sharedStart));
            }
        }

        return closest;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int EditDistance(string a, string b)
    {
        var width = b.Length + 1;
        var table = new int[(a.Length + 1) * width];
        for (var i = 0; i <= a.Length; i++)
        {
            table[i * width] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            table[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var distance = Math.Min(Math.Min(table[((i - 1) * width) + j] + 1, table[(i * width) + j - 1] + 1), table[((i - 1) * width) + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    distance = Math.Min(distance, table[((i - 2) * width) + j - 2] + 1);
                }

                table[(i * width) + j] = distance;
            }
        }

        return table[(a.Length * width) + b.Length];
    }
}
