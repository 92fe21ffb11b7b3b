using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// The hostile-input corpus, HostileInputs/corpus.jsonl: one JSON object a line, each a request to
/// POST /api/order/create that the service must refuse, and exactly how. Kept as data so that a new
/// case is one line, not a test method. The members of a line:
/// <list type="bullet">
/// <item><c>name</c> (unique) and <c>category</c>;</item>
/// <item><c>body</c>: the body as text, written in <c>encoding</c> (utf-8 by default; utf-8-bom,
/// utf-16le, utf-16le-bom, utf-16be, utf-16be-bom, utf-32le-bom); or <c>body_base64</c> for any other
/// bytes; neither is an empty body;</item>
/// <item><c>{{NAME}}</c> in the body, a header or the wire stands for a <c>repeat</c> (text repeated
/// <c>times</c>, or the integers <c>from</c>..<c>to</c>, joined by <c>separator</c>), for raw
/// <c>bytes</c> (hex), or for a token: <c>{{token}}</c> (the buyer, user 1000), <c>{{token:N}}</c>
/// (user N), <c>{{expired_token}}</c>;</item>
/// <item><c>headers</c>: name to value, list of values (the header sent more than once) or null (not
/// sent); by default <c>token: {{token}}</c> and <c>Content-Type: application/json</c>;</item>
/// <item><c>query</c>: the query string, without "?";</item>
/// <item><c>transfer</c>: sent on a real socket instead: <c>framing</c> (header lines such as
/// Transfer-Encoding: chunked) and <c>wire</c> (the bytes after the header block, as text);</item>
/// <item>the answer: HTTP <c>status</c>, envelope <c>code</c>, <c>error</c> and <c>field</c> (both
/// required, field null where the service reports null) and, optionally, the exact <c>msg</c>.</item>
/// </list>
/// </summary>
public sealed partial class HostileInputCorpus
{
    private const string DataFile = "HostileInputs/corpus.jsonl";

    private static readonly Lazy<IReadOnlyDictionary<string, HostileInput>> Entries = new(Load);

    /// <summary>The names of the entries sent in process (<paramref name="transfer"/> false) or on a socket (true).</summary>
    public static TheoryData<string> Names(bool transfer)
    {
        var names = new TheoryData<string>();
        foreach (var entry in Entries.Value.Values.Where(e => (e.Transfer is not null) == transfer))
        {
            names.Add(entry.Name);
        }

        return names;
    }

    public static HostileInput Entry(string name) => Entries.Value[name];

    private static Dictionary<string, HostileInput> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, DataFile);
        var entries = new Dictionary<string, HostileInput>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            HostileInput entry;
            try
            {
                entry = HostileInput.Parse(line);
            }
            catch (Exception exception) when (exception is JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{DataFile} line {lineNumber}: {exception.Message}", exception);
            }

            if (!entries.TryAdd(entry.Name, entry))
            {
                throw new InvalidDataException($"{DataFile} line {lineNumber}: the name '{entry.Name}' is used twice.");
            }
        }

        return entries;
    }

    [GeneratedRegex(@"\{\{(?<name>[A-Za-z_][A-Za-z0-9_]*(:[0-9]+)?)\}\}")]
    internal static partial Regex Placeholder();
}

/// <summary>One line of the corpus: a request and the refusal it must get.</summary>
public sealed class HostileInput
{
    private const string DefaultContentType = "application/json";

    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "name", "category", "body", "body_base64", "encoding", "repeat", "bytes", "headers", "query", "transfer", "status", "code", "error", "field", "msg",
    };

    private HostileInput(JsonElement line)
    {
        // A misspelt member would otherwise be ignored silently, and its entry would test less than it says.
        if (line.EnumerateObject().FirstOrDefault(member => !Members.Contains(member.Name)) is { Value.ValueKind: not JsonValueKind.Undefined } unknown)
        {
            throw new InvalidDataException($"unknown member '{unknown.Name}'.");
        }

        Line = line;
        Name = Required(line, "name").GetString()!;
        Category = Required(line, "category").GetString()!;
        Status = Required(line, "status").GetInt32();
        Code = Required(line, "code").GetInt32();
        Error = Required(line, "error").GetString()!;
        Field = Required(line, "field").ValueKind == JsonValueKind.Null ? null : line.GetProperty("field").GetString();
        Msg = line.TryGetProperty("msg", out var msg) ? msg.GetString() : null;
        Query = line.TryGetProperty("query", out var query) ? query.GetString() : null;
        Transfer = line.TryGetProperty("transfer", out var transfer) ? transfer : null;
        if (Code == 0)
        {
            throw new InvalidDataException($"'{Name}': the corpus holds refusals only, so nothing it sends may place an order.");
        }
    }

    public string Name { get; }

    public string Category { get; }

    public int Status { get; }

    public int Code { get; }

    public string Error { get; }

    public string? Field { get; }

    public string? Msg { get; }

    public string? Query { get; }

    /// <summary>How to send it on a socket; null for an entry sent in process.</summary>
    public JsonElement? Transfer { get; }

    private JsonElement Line { get; }

    public static HostileInput Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return new HostileInput(document.RootElement.Clone());
    }

    /// <summary>The request as HttpClient sends it in process.</summary>
    public HttpRequestMessage ToRequest(Func<string, string> token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path());
        var content = new ByteArrayContent(Body(token));
        request.Content = content;
        foreach (var (name, values) in Headers(token))
        {
            var added = name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                ? content.Headers.TryAddWithoutValidation(name, values)
                : request.Headers.TryAddWithoutValidation(name, values);
            if (!added)
            {
                throw new InvalidDataException($"'{Name}': HttpClient will not send the header {name}.");
            }
        }

        return request;
    }

    /// <summary>The request as bytes on the wire: request line, headers, framing, then the entry's wire bytes.</summary>
    public byte[] ToWire(Func<string, string> token, string host)
    {
        var transfer = Transfer ?? throw new InvalidOperationException($"'{Name}' is not a transfer entry.");
        var head = new StringBuilder()
            .Append("POST ").Append(Path()).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(host).Append("\r\n")

            // Without it a keep-alive connection would stay open after the answer, and reading to the close would wait.
            .Append("Connection: close\r\n");
        foreach (var (name, values) in Headers(token))
        {
            foreach (var value in values)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        foreach (var framing in Required(transfer, "framing").EnumerateArray())
        {
            head.Append(framing.GetString()).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. Expand(Required(transfer, "wire").GetString()!, Encoding.UTF8, token)];
    }

    public override string ToString() => Name;

    private static JsonElement Required(JsonElement element, string member) =>
        element.TryGetProperty(member, out var value) ? value : throw new InvalidDataException($"the member '{member}' is required.");

    private string Path() => "/api/order/create" + (string.IsNullOrEmpty(Query) ? string.Empty : "?" + Query);

    private byte[] Body(Func<string, string> token)
    {
        if (Line.TryGetProperty("body_base64", out var base64))
        {
            return Convert.FromBase64String(base64.GetString()!);
        }

        if (!Line.TryGetProperty("body", out var body))
        {
            return [];
        }

        var encoding = Line.TryGetProperty("encoding", out var named) ? named.GetString()! : "utf-8";
        var (textEncoding, preamble) = encoding switch
        {
            "utf-8" => (Encoding.UTF8, false),
            "utf-8-bom" => (Encoding.UTF8, true),
            "utf-16le" => (Encoding.Unicode, false),
            "utf-16le-bom" => (Encoding.Unicode, true),
            "utf-16be" => (Encoding.BigEndianUnicode, false),
            "utf-16be-bom" => (Encoding.BigEndianUnicode, true),
            "utf-32le-bom" => (Encoding.UTF32, true),
            _ => throw new InvalidDataException($"'{Name}': unknown encoding '{encoding}'."),
        };
        var bytes = Expand(body.GetString()!, textEncoding, token);
        return preamble ? [.. textEncoding.Preamble, .. bytes] : bytes;
    }

    /// <summary>The headers to send: the defaults (a signed-in buyer, JSON) overridden by the entry's, values expanded.</summary>
    private List<(string Name, string[] Values)> Headers(Func<string, string> token)
    {
        var headers = new Dictionary<string, string[]?>(StringComparer.OrdinalIgnoreCase)
        {
            ["token"] = ["{{token}}"],
            ["Content-Type"] = [DefaultContentType],
        };
        if (Line.TryGetProperty("headers", out var entryHeaders))
        {
            foreach (var header in entryHeaders.EnumerateObject())
            {
                headers[header.Name] = header.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Array => header.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(),
                    _ => [header.Value.GetString()!],
                };
            }
        }

        return headers
            .Where(h => h.Value is not null)
            .Select(h => (h.Key, h.Value!.Select(v => Encoding.UTF8.GetString(Expand(v, Encoding.UTF8, token))).ToArray()))
            .ToList();
    }

    /// <summary>Text with its placeholders replaced, as bytes: text in <paramref name="encoding"/>, bytes placeholders as they are.</summary>
    private byte[] Expand(string text, Encoding encoding, Func<string, string> token)
    {
        var output = new List<byte>(text.Length);
        var at = 0;
        foreach (Match placeholder in HostileInputCorpus.Placeholder().Matches(text))
        {
            output.AddRange(encoding.GetBytes(text[at..placeholder.Index]));
            output.AddRange(Resolve(placeholder.Groups["name"].Value, encoding, token));
            at = placeholder.Index + placeholder.Length;
        }

        output.AddRange(encoding.GetBytes(text[at..]));
        return [.. output];
    }

    private byte[] Resolve(string name, Encoding encoding, Func<string, string> token)
    {
        if (name == "token" || name == "expired_token" || name.StartsWith("token:", StringComparison.Ordinal))
        {
            return encoding.GetBytes(token(name));
        }

        if (Line.TryGetProperty("bytes", out var bytes) && bytes.TryGetProperty(name, out var hex))
        {
            return Convert.FromHexString(hex.GetString()!.Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        if (Line.TryGetProperty("repeat", out var repeats) && repeats.TryGetProperty(name, out var repeat))
        {
            var separator = repeat.TryGetProperty("separator", out var sep) ? sep.GetString()! : string.Empty;
            var items = repeat.TryGetProperty("text", out var item)
                ? Enumerable.Repeat(item.GetString()!, repeat.GetProperty("times").GetInt32())
                : Enumerable.Range(0, checked((int)(repeat.GetProperty("to").GetInt64() - repeat.GetProperty("from").GetInt64() + 1)))
                    .Select(i => (repeat.GetProperty("from").GetInt64() + i).ToString(CultureInfo.InvariantCulture));
            return encoding.GetBytes(string.Join(separator, items));
        }

        throw new InvalidDataException($"'{Name}': the placeholder {{{{{name}}}}} is not defined.");
    }
}
