using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Localization;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Api.OpenApi;

/// <summary>
/// The document's named schemas. The request bodies and the order are read from their C# types, so
/// a member added there is in the next build's document; the enums are read from the code's own
/// lists (<see cref="ErrorCode"/>, <see cref="OrderStatus"/>, <see cref="OrderTypeNames"/>); the
/// envelopes and the refusal's data, which the code builds as dictionaries, are described here.
/// </summary>
internal sealed class ApiSchemas(OpenApiDocument document, OpenApiDocumentTransformerContext context)
{
    public const string OrderSchema = "Order";
    public const string OrderEnvelopeSchema = "OrderEnvelope";
    public const string OrderPageEnvelopeSchema = "OrderPageEnvelope";
    public const string ErrorEnvelopeSchema = "ErrorEnvelope";
    public const string ErrorDataSchema = "ErrorData";
    public const string ErrorCodeSchema = "ErrorCode";
    public const string OrderStatusFilterSchema = "OrderStatusFilter";
    private const string UnknownMemberSchema = "UnknownMember";
    private const string OrderTypeSchema = "OrderType";
    private const string OrderStatusSchema = "OrderStatus";

    /// <summary>The list's status names as AnQiCMS spells them (R62), and the status each one lists.</summary>
    private static readonly (string Name, OrderStatus Status)[] StatusFilters =
    [
        ("waiting", OrderStatus.PendingPayment),
        ("paid", OrderStatus.Paid),
        ("delivery", OrderStatus.Shipped),
        ("finished", OrderStatus.Completed),
        ("refunding", OrderStatus.Refunding),
        ("canceled", OrderStatus.Cancelled),
    ];

    /// <summary>Members whose values come from one of the code's lists rather than from their C# type.</summary>
    private static readonly Dictionary<(Type Owner, string Property), string> EnumMembers = new()
    {
        [(typeof(OrderDto), nameof(OrderDto.Type))] = OrderTypeSchema,
        [(typeof(OrderDto), nameof(OrderDto.Status))] = OrderStatusSchema,
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.Type))] = OrderTypeSchema,
    };

    /// <summary>
    /// Request members a client must send. The service still answers without them, with the refusal
    /// the contract names (invalid_order_id, invalid_json, amount_mismatch: R63, R65).
    /// </summary>
    private static readonly HashSet<(Type Owner, string Property)> RequiredRequestMembers =
    [
        (typeof(CancelOrderRequest), nameof(CancelOrderRequest.OrderId)),
        (typeof(ConfirmPaymentRequest), nameof(ConfirmPaymentRequest.OrderId)),
        (typeof(ConfirmPaymentRequest), nameof(ConfirmPaymentRequest.PaymentId)),
        (typeof(ConfirmPaymentRequest), nameof(ConfirmPaymentRequest.Amount)),
    ];

    /// <summary>What each request member does, for the client developer; the C# comments are written for this code's readers.</summary>
    private static readonly Dictionary<(Type Owner, string Property), string> RequestMemberDescriptions = new()
    {
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.GoodsId))] = "One product (for a vip order, the user group, R44). Used when neither cart_ids nor details has an entry (R14).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.Quantity))] = "The quantity of goods_id; missing or 0 means 1 (R15).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.GoodsSkuId))] = "The SKU of goods_id (R22, R23).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.Details))] = "Several products; used when cart_ids has no entry (R14). Lines for the same product and SKU are merged (R16).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.Remark))] = "Trimmed, at most 250 characters (R18); when empty the server writes one.",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.Type))] = "Missing or empty means goods (R17).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.CouponCode))] = "A coupon code; coupon_code_id wins over it, and it over coupon_id (R37).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.CouponCodeId))] = "The id of a coupon code (R37).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.CouponId))] = "A coupon: the buyer's own unused code of it with the earliest get_time is redeemed (R37).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.Address))] = "The shipping address, optional (R28).",
        [(typeof(CreateOrderRequest), nameof(CreateOrderRequest.CartIds))] = "The buyer's cart items; when there is one, they are the order's lines (R14, R41).",
        [(typeof(CreateOrderRequest.DetailRequest), nameof(CreateOrderRequest.DetailRequest.Quantity))] = "Missing or 0 means 1 (R15).",
        [(typeof(CreateOrderRequest.DetailRequest), nameof(CreateOrderRequest.DetailRequest.SkuValues))] = "Chooses the SKU when goods_sku_id is missing or 0: the ids must be exactly one SKU's option values (R22).",
        [(typeof(CreateOrderRequest.DetailRequest), nameof(CreateOrderRequest.DetailRequest.Price))] = "The unit price the client shows; when it differs from the server's, the order is refused with price_changed (R19).",
        [(typeof(CreateOrderRequest.DetailRequest), nameof(CreateOrderRequest.DetailRequest.TotalPrice))] = "The line amount the client shows; when it differs from the server's, the order is refused with price_changed (R19).",
        [(typeof(CreateOrderRequest.AddressRequest), nameof(CreateOrderRequest.AddressRequest.Id))] = "One of the buyer's saved addresses (R29). Without it, every other member is required (R30).",
        [(typeof(CreateOrderRequest.AddressRequest), nameof(CreateOrderRequest.AddressRequest.Country))] = "The district, as the AnQiCMS API names it (R30).",
        [(typeof(CancelOrderRequest), nameof(CancelOrderRequest.OrderId))] = "The order number (R52).",
        [(typeof(ConfirmPaymentRequest), nameof(ConfirmPaymentRequest.OrderId))] = "The order number (R52).",
        [(typeof(ConfirmPaymentRequest), nameof(ConfirmPaymentRequest.PaymentId))] = "The payment service's own id of the payment: not blank, at most 64 characters (R65).",
        [(typeof(ConfirmPaymentRequest), nameof(ConfirmPaymentRequest.Amount))] = "The amount paid, in minor units; it must equal the order's amount (R65).",
    };

    private static readonly Dictionary<Type, string> RequestBodyDescriptions = new()
    {
        [typeof(CreateOrderRequest)] = "The create-order body as AnQiCMS storefronts send it. Unknown members are ignored (R5), and so are members that only belong in the answer, user_id, amounts and status among them (R12, R20). The lines come from exactly one source: cart_ids, else details, else goods_id (R14).",
        [typeof(CreateOrderRequest.DetailRequest)] = "One product of details.",
        [typeof(CreateOrderRequest.AddressRequest)] = "The shipping address: a saved one by id, or all of name, phone, province, city, country (the district), address_info and postcode (R29, R30).",
        [typeof(CreateOrderRequest.SkuValueRequest)] = "A chosen option value. Only id counts; AnQiCMS storefronts send the other members as their copy, and they are ignored.",
        [typeof(CancelOrderRequest)] = "The cancel body (R63).",
        [typeof(ConfirmPaymentRequest)] = "The payment service's confirmation (R65).",
    };

    /// <summary>The members AnQiCMS storefronts send with each chosen option value (see the API document's second example).</summary>
    private static readonly (string Name, JsonSchemaType Type)[] StorefrontSkuValueMembers =
    [
        ("archive_id", JsonSchemaType.Integer),
        ("option_id", JsonSchemaType.Integer),
        ("title", JsonSchemaType.String),
        ("option_title", JsonSchemaType.String),
    ];

    /// <summary>Names for the envelope codes other than 0, for client generators that name enum members.</summary>
    private static readonly Dictionary<int, string> RefusalCodeNames = new()
    {
        [-1] = "Refused",
        [1001] = "NotLoggedIn",
        [1002] = "NotAuthorized",
    };

    private IDictionary<string, IOpenApiSchema> Schemas => document.Components!.Schemas!;

    /// <summary>A type's component name: the type's name, without Dto; a nested request type is named after its body (CreateOrderDetail).</summary>
    public static string IdOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = WithoutSuffix(type.Name, "Dto");
        return type.DeclaringType is { } body ? WithoutSuffix(body.Name, "Request") + WithoutSuffix(name, "Request") : name;
    }

    public OpenApiSchemaReference Reference(string id) => new(id, document);

    /// <summary>Adds every schema. <paramref name="refusals"/> is the envelope each error code is answered with.</summary>
    public async Task AddAsync(IReadOnlyDictionary<ErrorCode, ApiExamples.Answer> refusals, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);

        // Replaced by the typed envelopes below: ApiEnvelope's data is any value, which generates no typed client.
        Schemas.Remove(nameof(ApiEnvelope));
        Schemas.Remove(nameof(ApiPageEnvelope));

        AddEnums(refusals);
        await AddTypeAsync(typeof(OrderDto), isResponse: true, cancellationToken);
        foreach (var body in RequestBodyTypes())
        {
            await AddTypeAsync(body, isResponse: false, cancellationToken);
        }

        AddErrorData();
        AddEnvelopes(refusals);
    }

    private static string WithoutSuffix(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;

    private static Dictionary<string, IOpenApiExtension> EnumNames(IEnumerable<string> names)
    {
        // NSwag/NJsonSchema read x-enumNames and openapi-generator reads x-enum-varnames; without them
        // integer enums become members such as _1 and __1, and snake_case ones Goods_not_found.
        var list = names.ToArray();
        return new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
        {
            ["x-enumNames"] = new JsonNodeExtension(new JsonArray([.. list.Select(name => JsonValue.Create(name))])),
            ["x-enum-varnames"] = new JsonNodeExtension(new JsonArray([.. list.Select(name => JsonValue.Create(name))])),
        };
    }

    private static OpenApiSchemaReference WithDescription(OpenApiSchemaReference schema, string description)
    {
        schema.Description = description;
        return schema;
    }

    private static OpenApiSchema Integer(string description) => new() { Type = JsonSchemaType.Integer, Format = "int64", Description = description };

    private static OpenApiSchema StringEnum(string description, params string[] values) =>
        new() { Type = JsonSchemaType.String, Description = description, Enum = [.. values.Select(value => (JsonNode)value)] };

    private static bool IsModel(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("OrderPlatform.", StringComparison.Ordinal) == true;

    private static Type? ElementOf(Type type) =>
        type == typeof(string)
            ? null
            : type.GetInterfaces().Append(type)
                .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];

    private static string JsonName(PropertyInfo property) => ApiJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);

    private static IEnumerable<PropertyInfo> WrittenProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always });

    /// <summary>Members the answer always carries: all but those left out when null (custom_form_url, R54).</summary>
    private static bool IsAlwaysWritten(PropertyInfo property) => property.GetCustomAttribute<JsonIgnoreAttribute>() is null;

    private static IOpenApiSchema OrNull(OpenApiSchemaReference schema, bool nullable, string? description)
    {
        if (!nullable)
        {
            schema.Description = description;
            return schema;
        }

        return new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, schema], Description = description };
    }

    private IEnumerable<Type> RequestBodyTypes() =>
        context.DescriptionGroups
            .SelectMany(group => group.Items)
            .SelectMany(description => description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDocumentation>())
            .Select(documentation => documentation.BodyType)
            .Distinct();

    private void AddEnums(IReadOnlyDictionary<ErrorCode, ApiExamples.Answer> refusals)
    {
        var statuses = Enum.GetValues<OrderStatus>().OrderBy(status => (int)status).ToArray();
        Schemas[OrderTypeSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The order type (R17): goods, or vip for a user group membership (R44).",
            Enum = [.. Enum.GetValues<OrderType>().Select(type => (JsonNode)OrderTypeNames.NameOf(type))],
        };
        Schemas[OrderStatusSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Description = "The order status, as AnQiCMS numbers it: -1 cancelled or closed, 0 waiting for payment, 1 paid, 2 shipped, 3 finished, 8 refunding, 9 refunded. This service produces -1, 0 and 1 (section 16 of the contract).",
            Enum = [.. statuses.Select(status => (JsonNode)(int)status)],
            Extensions = EnumNames(statuses.Select(status => status.ToString())),
        };
        Schemas[OrderStatusFilterSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Which orders the list shows (R62): "
                + string.Join(", ", StatusFilters.Select(filter => $"{filter.Name} (status {(int)filter.Status})"))
                + ". Absent or empty: every order. Any other value is refused with invalid_status.",
            Enum = [.. StatusFilters.Select(filter => (JsonNode)filter.Name)],
            Extensions = EnumNames(StatusFilters.Select(filter => char.ToUpperInvariant(filter.Name[0]) + filter.Name[1..])),
        };
        Schemas[ErrorCodeSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "What a refusal is about (data.error; contract section 13). Clients switch on it, never on msg. "
                + "Each code comes with one envelope code and one HTTP status:\n\n| error | code | HTTP |\n|---|---|---|\n"
                + string.Concat(refusals.Select(refusal => $"| {ErrorCodeNames.NameOf(refusal.Key)} | {refusal.Value.Code} | {refusal.Value.Status} |\n")),
            Enum = [.. refusals.Keys.Select(code => (JsonNode)ErrorCodeNames.NameOf(code))],
            Extensions = EnumNames(refusals.Keys.Select(code => code.ToString())),
        };
    }

    /// <summary>Adds the component of <paramref name="type"/> and of every model type its members hold.</summary>
    private async Task<OpenApiSchemaReference> AddTypeAsync(Type type, bool isResponse, CancellationToken cancellationToken)
    {
        var id = IdOf(type);
        if (Schemas.ContainsKey(id))
        {
            return Reference(id);
        }

        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        Schemas[id] = schema;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schema.Required = new HashSet<string>(StringComparer.Ordinal);
        if (!isResponse && RequestBodyDescriptions.TryGetValue(type, out var bodyDescription))
        {
            schema.Description = bodyDescription;
        }

        foreach (var property in WrittenProperties(type))
        {
            var name = JsonName(property);
            if (!schema.Properties.TryGetValue(name, out var member))
            {
                continue;
            }

            var description = RequestMemberDescriptions.GetValueOrDefault((type, property.Name)) ?? member.Description;
            var linked = await LinkAsync(type, property, description, isResponse, cancellationToken);
            if (linked is not null)
            {
                schema.Properties[name] = linked;
            }
            else if (member is OpenApiSchema plain)
            {
                plain.Description = description;
                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.WhenWritingNull } && plain.Type is { } written)
                {
                    // Left out when null, so never null when present (custom_form_url, R54).
                    plain.Type = written & ~JsonSchemaType.Null;
                }
            }

            var required = isResponse ? IsAlwaysWritten(property) : RequiredRequestMembers.Contains((type, property.Name));
            if (required)
            {
                schema.Required.Add(name);
            }

            if (required && !isResponse && schema.Properties[name] is OpenApiSchema { Type: { } memberType } sent)
            {
                // A member the client must send must not be null either.
                sent.Type = memberType & ~JsonSchemaType.Null;
            }
        }

        if (type == typeof(CreateOrderRequest.SkuValueRequest))
        {
            foreach (var (name, memberType) in StorefrontSkuValueMembers)
            {
                schema.Properties[name] = new OpenApiSchema
                {
                    Type = memberType | JsonSchemaType.Null,
                    Format = memberType == JsonSchemaType.Integer ? "int64" : null,
                    Description = "Ignored: the storefront's copy.",
                };
            }
        }

        if (type == typeof(ConfirmPaymentRequest) || type == typeof(CancelOrderRequest))
        {
            ((OpenApiSchema)schema.Properties["order_id"]).Pattern = "^[0-9]{1,32}$";
        }

        return Reference(id);
    }

    /// <summary>The member's schema when it names another component (a model type or one of the code's lists), else null.</summary>
    private async Task<IOpenApiSchema?> LinkAsync(Type owner, PropertyInfo property, string? description, bool isResponse, CancellationToken cancellationToken)
    {
        var nullable = new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
        if (EnumMembers.TryGetValue((owner, property.Name), out var enumId))
        {
            return OrNull(Reference(enumId), nullable, description);
        }

        var element = ElementOf(property.PropertyType);
        if (element is not null && IsModel(element))
        {
            return new OpenApiSchema
            {
                Type = nullable ? JsonSchemaType.Array | JsonSchemaType.Null : JsonSchemaType.Array,
                Items = await AddTypeAsync(element, isResponse, cancellationToken),
                Description = description,
            };
        }

        return IsModel(property.PropertyType)
            ? OrNull(await AddTypeAsync(property.PropertyType, isResponse, cancellationToken), nullable, description)
            : null;
    }

    private void AddErrorData()
    {
        Schemas[UnknownMemberSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A request member the service does not know, and the known member whose name is closest to it.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "member", "closest" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["member"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The JSON path of the unknown member." },
                ["closest"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The closest known member's name, or null when none is close." },
            },
        };
        Schemas[ErrorDataSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The data of a refusal (R2): the error code, the request member at fault, and facts that depend on the error. Members other than error and field appear only with the errors named in their descriptions; more may be added.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "error", "field" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["error"] = Reference(ErrorCodeSchema),
                ["field"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                    Description = "The JSON path of the request member at fault as the client sent it (details[1].goods_id, address.phone), or the query parameter (order_id); null when no one member is.",
                },
                ["goods_id"] = Integer("The product of the line at fault (goods_not_found, sku_required, sku_not_found, price_changed, insufficient_stock: R19, R21, R22, R26)."),
                ["sku_id"] = Integer("The SKU of the line at fault, 0 for none (sku_not_found, price_changed, insufficient_stock)."),
                ["cart_id"] = Integer("The cart item at fault (cart_item_not_found, or a line that came from the cart: R41)."),
                ["price"] = Integer("The current unit price in minor units (price_changed, R19)."),
                ["amount"] = Integer("The order's amount in minor units (amount_mismatch, R65)."),
                ["address_id"] = Integer("The address that is not the buyer's (address_not_found, R29)."),
                ["coupon_id"] = Integer("The coupon that was asked for (coupon_not_found, R37)."),
                ["coupon_code_id"] = Integer("The coupon code at fault (coupon errors, R38)."),
                ["status"] = WithDescription(
                    Reference(OrderStatusSchema),
                    "The order's current status (order_not_cancellable, order_already_paid, order_closed: R63, R65)."),
                ["expected"] = StringEnum(
                    "What the member named by field should have been, in English whatever the language (invalid_json for a member of the wrong type, R5).",
                    [.. Enum.GetValues<ErrorMessages.Expected>().Select(expected => ErrorMessages.ExpectedWord(expected, RequestLanguage.English))]),
                ["max_bytes"] = Integer("The largest body accepted, in bytes (payload_too_large, R4)."),
                ["trace_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The id to quote to support (internal_error, R3)." },
                ["reason"] = StringEnum("Why the token was not accepted (not_logged_in): none was sent, it is not valid, or it has expired.", "missing", "invalid", "expired"),
                ["token_found_in"] = StringEnum(
                    "Where a token was found that is not read from there (not_logged_in): in the query string, or in the token header with a Bearer prefix (R7).",
                    "query_string",
                    "token_header_with_bearer_prefix"),
                ["unknown_members"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = Reference(UnknownMemberSchema),
                    Description = "Request members the service does not know, which it ignored (R5), in case one is a misspelt member.",
                },
            },
        };
    }

    private void AddEnvelopes(IReadOnlyDictionary<ErrorCode, ApiExamples.Answer> refusals)
    {
        var refusalCodes = refusals.Values.Select(answer => answer.Code).Distinct().Order().ToArray();
        Schemas[OrderEnvelopeSchema] = Envelope(
            "A success (R2): code 0, msg empty and data the order (R51, R61).",
            success: true,
            Reference(OrderSchema));
        var page = Envelope(
            "A page of the list (R62): code 0, msg empty, data the page's orders (newest first) and total the number of orders that match.",
            success: true,
            new OpenApiSchema { Type = JsonSchemaType.Array, Items = Reference(OrderSchema) });
        page.Properties!["total"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "How many of the buyer's orders match the filter." };
        page.Required!.Add("total");
        Schemas[OrderPageEnvelopeSchema] = page;
        var refusal = Envelope(
            "A refusal (R2, R3): code -1, or 1001 (not logged in, R9) or 1002 (not authorized, R10, R65); msg a sentence for people in the request's language (R6); data the error.",
            success: false,
            Reference(ErrorDataSchema));
        refusal.Properties!["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Enum = [.. refusalCodes.Select(code => (JsonNode)code)],
            Extensions = EnumNames(refusalCodes.Select(code => RefusalCodeNames.TryGetValue(code, out var name)
                ? name
                : throw new InvalidOperationException($"Envelope code {code} has no name in {nameof(RefusalCodeNames)}."))),
            Description = "-1 for a refusal, 1001 when not logged in, 1002 when not authorized.",
        };
        Schemas[ErrorEnvelopeSchema] = refusal;
    }

    private static OpenApiSchema Envelope(string description, bool success, IOpenApiSchema data) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new HashSet<string>(StringComparer.Ordinal) { "code", "msg", "data" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Enum = success ? [(JsonNode)0] : null,
                Extensions = success ? EnumNames(["Success"]) : null,
            },
            ["msg"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = success ? "Empty." : null },
            ["data"] = data,
        },
    };
}
