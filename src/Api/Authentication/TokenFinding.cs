namespace OrderPlatform.Api.Authentication;

/// <summary>
/// What the authentication handler made of the caller's token, kept on the request so that a
/// not_logged_in answer can say why (R9): data.reason "missing", "invalid" or "expired", and
/// data.token_found_in when the token was sent where R7 does not look, or spelt as it is spelt for
/// another header. The handler never refuses; the finding only explains a refusal the use case makes.
/// </summary>
internal sealed class TokenFinding
{
    /// <summary>No token in the token header, Authorization: Bearer or the token cookie.</summary>
    public static readonly TokenFinding Missing = new("missing", null);

    /// <summary>None where R7 looks, but one in the query string, where it would leak into logs and browser history.</summary>
    public static readonly TokenFinding MissingButInQueryString = new("missing", "query_string");

    /// <summary>Malformed, forged, of another algorithm or naming no user id.</summary>
    public static readonly TokenFinding Invalid = new("invalid", null);

    /// <summary>The token header carries "Bearer &lt;token&gt;", the Authorization header's spelling.</summary>
    public static readonly TokenFinding InvalidWithBearerPrefix = new("invalid", "token_header_with_bearer_prefix");

    /// <summary>Genuine, but past its expiry.</summary>
    public static readonly TokenFinding Expired = new("expired", null);

    /// <summary>
    /// Genuine and current. Should the use case still answer not_logged_in, the user it names does not
    /// exist (R9): to the caller such a token is as good as an invalid one.
    /// </summary>
    public static readonly TokenFinding Accepted = new("invalid", null);

    private const string ItemKey = "OrderPlatform.TokenFinding";

    private TokenFinding(string reason, string? foundIn)
    {
        Reason = reason;
        FoundIn = foundIn;
    }

    /// <summary>data.reason of a not_logged_in answer.</summary>
    public string Reason { get; }

    /// <summary>data.token_found_in of a not_logged_in answer, when the token was misplaced; null otherwise.</summary>
    public string? FoundIn { get; }

    /// <summary>
    /// The request's finding. Every request passes the handler, so one is always recorded; should
    /// a request somehow not have been, no token was looked at, which the caller sees as missing.
    /// </summary>
    public static TokenFinding Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var finding) && finding is TokenFinding recorded ? recorded : Missing;
    }

    public void RecordOn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = this;
    }

    /// <summary>Adds reason, and token_found_in when there is one, to a not_logged_in answer's data.</summary>
    public void Describe(IDictionary<string, object?> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data["reason"] = Reason;
        if (FoundIn is not null)
        {
            data["token_found_in"] = FoundIn;
        }
    }
}
