using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrderPlatform.Api.Authentication;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Internal;
using OrderPlatform.Api.Localization;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.OpenApi;

/// <summary>
/// Turns the endpoints' generated description into the client developer's document: typed
/// envelopes per operation, the refusals (HTTP 200 with code -1, 1001 or 1002, and the few other
/// statuses of R3), the ways to send the token, the lang parameter and an example per operation.
/// An operation this class does not know fails the build, so a new endpoint cannot go undocumented.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string OrdersTag = "Orders";
    private const string PaymentServiceTag = "Payment service";
    private const string TokenHeaderScheme = "token";
    private const string BearerScheme = "bearer";
    private const string TokenCookieScheme = "tokenCookie";
    private const string ServiceKeyScheme = "serviceKey";
    private const string BrokenTransferResponse = "BrokenTransfer";
    private const string ServiceKeyRefusedResponse = "ServiceKeyRefused";
    private const string NotFoundResponse = "NotFound";
    private const string MethodNotAllowedResponse = "MethodNotAllowed";
    private const string PayloadTooLargeResponse = "PayloadTooLarge";
    private const string RateLimitedResponse = "RateLimited";
    private const string InternalErrorResponse = "InternalError";
    private const string RetryAfterHeader = "Retry-After";

    private const string DocumentDescription = """
        The AnQiCMS "create order" API and the order's life after it, as OrderPlatform serves it
        (the behaviour contract is docs/contract.md in the repository; R-numbers below cite it).

        Every answer is the envelope `{"code", "msg", "data"}` (R2). Clients read `code`, not the
        HTTP status: a refusal is HTTP 200 too (R3), with `code` -1, 1001 (not logged in) or 1002
        (not authorized) and `data` = `{"error", "field", ...}`. Switch on `data.error`, never on
        `msg`, which is a sentence for people in English, or in Simplified Chinese with
        `?lang=zh-CN` or an `Accept-Language` preferring zh (R6). The few other statuses (400,
        401, 404, 405, 413, 429, 500) carry the same envelope.

        The buyer's token (an AnQiCMS HS256 JWT, R8) travels in the `token` header, as
        `Authorization: Bearer`, or in the `token` cookie, looked for in that order (R7). The
        payment service's endpoint takes its own key in `X-Service-Key` instead (R65).

        Amounts are integers in minor units (fen, cents); times are unix seconds.
        """;

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var examples = new ApiExamples(context.ApplicationServices);
        var refusals = new Dictionary<ErrorCode, ApiExamples.Answer>();
        foreach (var code in Enum.GetValues<ErrorCode>())
        {
            refusals[code] = await examples.RefusalAsync(Error.Of(code));
        }

        document.Info = new OpenApiInfo { Title = "OrderPlatform API", Version = "v1", Description = DocumentDescription };
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "{origin}",
                Description = "The service's address.",
                Variables = new Dictionary<string, OpenApiServerVariable>(StringComparer.Ordinal)
                {
                    ["origin"] = new OpenApiServerVariable { Default = "http://localhost:5080", Description = "Scheme, host and port; the default is where `dotnet run --project src/Api` listens." },
                },
            },
        ];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = OrdersTag, Description = "The buyer's orders: create, read, list and cancel (R1-R64)." },
            new() { Name = PaymentServiceTag, Description = "For the payment service, not for storefronts (R65). The endpoint exists only when Internal:ServiceKeys is configured." },
        };
        var schemas = new ApiSchemas(document, context);
        await schemas.AddAsync(refusals, cancellationToken);
        AddSecuritySchemes(document);
        AddParametersAndHeaders(document);
        await AddResponsesAsync(document, examples);

        var operations = new Operations(document, schemas, examples);
        foreach (var path in document.Paths.Values)
        {
            foreach (var operation in path.Operations?.Values.AsEnumerable() ?? [])
            {
                await operations.DescribeAsync(operation);
            }
        }

        // The storefront's operations first, the payment service's last, whatever order the endpoints were mapped in.
        var paths = document.Paths.OrderBy(path => path.Key.StartsWith("/internal/", StringComparison.Ordinal)).ToList();
        document.Paths.Clear();
        foreach (var (key, path) in paths)
        {
            document.Paths.Add(key, path);
        }
    }

    private static void AddSecuritySchemes(OpenApiDocument document)
    {
        document.Components!.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [TokenHeaderScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "token",
                Description = "The buyer's token in the token header, looked for first (R7).",
            },
            [BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The buyer's token as Authorization: Bearer, looked for second (R7).",
            },
            [TokenCookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "token",
                Description = "The buyer's token in the token cookie, looked for last (R7).",
            },
            [ServiceKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ServiceKeyCheck.HeaderName,
                Description = "One of the service's Internal:ServiceKeys, for the payment service only (R65).",
            },
        };
    }

    private static void AddParametersAndHeaders(OpenApiDocument document)
    {
        document.Components!.Parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal)
        {
            [RequestLanguage.QueryParameter] = new OpenApiParameter
            {
                Name = RequestLanguage.QueryParameter,
                In = ParameterLocation.Query,
                Description = "The language of msg (R6): zh, zh-CN, zh-Hans or zh-Hans-CN (any case) for Simplified Chinese, en or en-* for English; any other value is ignored. Without it, Accept-Language decides, and English is the default. code and data never change with the language.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = "zh-CN",
            },
        };
        document.Components.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
        {
            [TokenRenewal.Header] = new OpenApiHeader
            {
                Description = "A fresh token valid for 24 hours, sent when the request's token has less than an hour left and the buyer was let through (R11).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
            [IdempotencyKeyHeader.ReplayedName] = new OpenApiHeader
            {
                Description = "true when this is the first answer to the same Idempotency-Key and body, given again; nothing was placed (R55).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] },
            },
            [RetryAfterHeader] = new OpenApiHeader
            {
                Description = "Whole seconds until the rate limit's window ends (R56).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
            },
        };
    }

    private static async Task AddResponsesAsync(OpenApiDocument document, ApiExamples examples)
    {
        var envelope = new OpenApiSchemaReference(ApiSchemas.ErrorEnvelopeSchema, document);
        var brokenTransfer = Error.Of(ErrorCode.InvalidJson) with { MessageKey = ErrorMessages.BrokenTransferKey };
        document.Components!.Responses = new Dictionary<string, IOpenApiResponse>(StringComparer.Ordinal)
        {
            [BrokenTransferResponse] = Refusal(
                StatusCodes.Status400BadRequest,
                "The client broke the body's transfer: bad chunked encoding, or a body that stalled short of its Content-Length (R5).",
                envelope,
                ("broken_transfer", await examples.RefusalAsync(brokenTransfer))),
            [ServiceKeyRefusedResponse] = Refusal(
                StatusCodes.Status401Unauthorized,
                "X-Service-Key is missing or is not one of Internal:ServiceKeys: code 1002, invalid_service_key (R65).",
                envelope,
                ("invalid_service_key", await examples.RefusalAsync(Error.Of(ErrorCode.InvalidServiceKey)))),
            [NotFoundResponse] = Refusal(
                StatusCodes.Status404NotFound,
                "The endpoint does not exist here: the payment endpoint answers 404 when no Internal:ServiceKeys are configured, as an unknown path does (R65).",
                envelope),
            [MethodNotAllowedResponse] = Refusal(
                StatusCodes.Status405MethodNotAllowed,
                "The path was called with another HTTP method than the one documented for it.",
                envelope),
            [PayloadTooLargeResponse] = Refusal(
                StatusCodes.Status413PayloadTooLarge,
                "The body is larger than Api:MaxBodyBytes (64 KiB by default; R4).",
                envelope,
                ("payload_too_large", await examples.RefusalAsync(Error.Of(ErrorCode.PayloadTooLarge).With("max_bytes", new ApiOptions().MaxBodyBytes)))),
            [RateLimitedResponse] = Refusal(
                StatusCodes.Status429TooManyRequests,
                "The caller placed more orders this minute than RateLimits:CreateOrderPerMinute allows (R56). Nothing was read or written.",
                envelope,
                ("rate_limited", await examples.RefusalAsync(Error.Of(ErrorCode.RateLimited)))),
            [InternalErrorResponse] = Refusal(
                StatusCodes.Status500InternalServerError,
                "An unexpected fault. msg never carries the exception; quote data.trace_id to support (R3).",
                envelope,
                ("internal_error", await examples.RefusalAsync(Error.Of(ErrorCode.InternalError).With("trace_id", "0af7651916cd43dd8448eb211c80319c")))),
        };
        ((OpenApiResponse)document.Components.Responses[RateLimitedResponse]).Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
        {
            [RetryAfterHeader] = new OpenApiHeaderReference(RetryAfterHeader, document),
        };
    }

    /// <summary>A response carrying the envelope; each example must be one the service answers with this status.</summary>
    private static OpenApiResponse Refusal(int status, string description, IOpenApiSchema schema, params (string Name, ApiExamples.Answer Answer)[] examples) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/json"] = Media(status, schema, [.. examples.Select(example => (example.Name, (string?)null, example.Answer))]),
        },
    };

    private static OpenApiMediaType Media(int status, IOpenApiSchema schema, IReadOnlyList<(string Name, string? Summary, ApiExamples.Answer Answer)> examples)
    {
        var mismatch = examples.FirstOrDefault(example => example.Answer.Status != status);
        if (mismatch.Answer is not null)
        {
            throw new InvalidOperationException($"The example {mismatch.Name} is answered with HTTP {mismatch.Answer.Status}, not the {status} it is documented under.");
        }

        return new OpenApiMediaType
        {
            Schema = schema,
            Examples = examples.Count == 0
                ? null
                : examples.ToDictionary(
                    example => example.Name,
                    example => (IOpenApiExample)new OpenApiExample { Summary = example.Summary, Value = example.Answer.Body },
                    StringComparer.Ordinal),
        };
    }

    /// <summary>What each operation adds to the generated description, by its endpoint name.</summary>
    private sealed class Operations(OpenApiDocument document, ApiSchemas schemas, ApiExamples examples)
    {
        public async Task DescribeAsync(OpenApiOperation operation)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameterReference(RequestLanguage.QueryParameter, document));
            operation.Responses = new OpenApiResponses();
            switch (operation.OperationId)
            {
                case "CreateOrder":
                    await DescribeCreateAsync(operation);
                    break;
                case "GetOrderDetail":
                    await DescribeDetailAsync(operation);
                    break;
                case "ListOrders":
                    await DescribeListAsync(operation);
                    break;
                case "CancelOrder":
                    await DescribeCancelAsync(operation);
                    break;
                case "ConfirmPayment":
                    await DescribeConfirmPaymentAsync(operation);
                    break;
                default:
                    throw new InvalidOperationException($"Operation {operation.OperationId} is not documented: describe it in {nameof(ApiDocumentTransformer)}.");
            }

            Respond(operation, StatusCodes.Status405MethodNotAllowed, MethodNotAllowedResponse);
            Respond(operation, StatusCodes.Status500InternalServerError, InternalErrorResponse);
            var responses = operation.Responses.OrderBy(response => response.Key, StringComparer.Ordinal).ToList();
            operation.Responses.Clear();
            foreach (var (status, response) in responses)
            {
                operation.Responses.Add(status, response);
            }
        }

        private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) =>
            new() { Name = name, In = ParameterLocation.Query, Description = description, Schema = schema };

        private async Task DescribeCreateAsync(OpenApiOperation operation)
        {
            Buyer(operation);
            operation.Description = "Places a pending-payment order from the body (sections 3 to 12 of the contract). A refusal writes nothing at all (section 13). "
                + "Retry safely with an Idempotency-Key: the same key and bytes get the first answer again (R55). Rate limited per buyer (R56).";
            operation.Parameters!.Add(new OpenApiParameter
            {
                Name = IdempotencyKeyHeader.Name,
                In = ParameterLocation.Header,
                Description = "Optional; 1 to 255 printable ASCII characters, scoped to the buyer (R55).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255, Pattern = "^[ -~]+$" },
            });
            RequestExamples(operation, ("single_product", ApiExamples.SingleProductRequest), ("multiple_products", ApiExamples.MultipleProductsRequest));
            var success = Answered(
                ApiSchemas.OrderEnvelopeSchema,
                "The order placed (code 0), or the refusal.",
                renewsToken: true,
                ("placed", "The single-product example placed", await examples.SuccessAsync(ApiExamples.PlacedOrder)),
                ("goods_not_found", "No published product 999", await examples.RefusalAsync(Error.Of(ErrorCode.GoodsNotFound, "goods_id").With("goods_id", 999L))),
                ("price_changed", "The client showed another price", await examples.RefusalAsync(
                    Error.Of(ErrorCode.PriceChanged, "details[0].price").With("goods_id", 1L).With("sku_id", 1L).With("price", 4900L))),
                ("wrong_type", "A member of the wrong JSON type", await examples.RefusalAsync(
                    (Error.Of(ErrorCode.InvalidJson, "goods_id") with { MessageKey = ErrorMessages.WrongTypeKey })
                        .With("expected", ErrorMessages.ExpectedWord(ErrorMessages.Expected.Integer, RequestLanguage.English)))),
                ("not_logged_in", "No valid token (code 1001)", await examples.RefusalAsync(Error.Of(ErrorCode.NotLoggedIn))),
                ("not_authorized", "A disabled buyer (code 1002)", await examples.RefusalAsync(Error.Of(ErrorCode.NotAuthorized))));
            success.Headers![IdempotencyKeyHeader.ReplayedName] = new OpenApiHeaderReference(IdempotencyKeyHeader.ReplayedName, document);
            operation.Responses!["200"] = success;
            Body(operation);
            Respond(operation, StatusCodes.Status429TooManyRequests, RateLimitedResponse);
        }

        private async Task DescribeDetailAsync(OpenApiOperation operation)
        {
            Buyer(operation);
            operation.Description = "One of the buyer's own orders with its lines and address (R61). Another buyer's order is order_not_found, like an unknown one.";
            operation.Parameters!.Add(Query(
                "order_id",
                "The order number; wins when id is given too.",
                new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]{1,32}$" }));
            operation.Parameters.Add(Query(
                "id",
                "The order's numeric id, read when order_id is not given.",
                new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" }));
            operation.Responses!["200"] = Answered(
                ApiSchemas.OrderEnvelopeSchema,
                "The order (code 0), or the refusal.",
                renewsToken: true,
                ("found", "The order", await examples.SuccessAsync(ApiExamples.PlacedOrder)),
                ("order_not_found", "Unknown, or another buyer's", await examples.RefusalAsync(Error.Of(ErrorCode.OrderNotFound, "order_id"))),
                ("invalid_order_id", "Neither parameter, or a malformed one", await examples.RefusalAsync(Error.Of(ErrorCode.InvalidOrderId, "order_id"))),
                ("not_logged_in", "No valid token (code 1001)", await examples.RefusalAsync(Error.Of(ErrorCode.NotLoggedIn))));
        }

        private async Task DescribeListAsync(OpenApiOperation operation)
        {
            Buyer(operation);
            operation.Description = "The buyer's own orders, newest first, a page at a time, with how many match in total (R62). Not rate limited.";
            operation.Parameters!.Add(new OpenApiParameter
            {
                Name = "status",
                In = ParameterLocation.Query,
                Description = "Absent or empty: every order.",
                Schema = schemas.Reference(ApiSchemas.OrderStatusFilterSchema),
            });
            operation.Parameters.Add(Query(
                "current",
                "The page, from 1; below 1, or not an integer, counts as 1.",
                new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Default = 1 }));
            operation.Parameters.Add(Query(
                "pageSize",
                "Orders per page: below 1, or not an integer, counts as 10; above 100 as 100.",
                new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Default = 10 }));
            operation.Responses!["200"] = Answered(
                ApiSchemas.OrderPageEnvelopeSchema,
                "A page of orders (code 0), or the refusal.",
                renewsToken: true,
                ("page", "One order waiting for payment", await examples.PageAsync(ApiExamples.PlacedOrder)),
                ("invalid_status", "An unknown status filter", await examples.RefusalAsync(Error.Of(ErrorCode.InvalidStatus, "status"))),
                ("not_logged_in", "No valid token (code 1001)", await examples.RefusalAsync(Error.Of(ErrorCode.NotLoggedIn))));
        }

        private async Task DescribeCancelAsync(OpenApiOperation operation)
        {
            Buyer(operation);
            operation.Description = "Cancels one of the buyer's orders that is waiting for payment; its stock and coupon use are given back exactly once (R63).";
            RequestExamples(operation, ("cancel", """{"order_id":"202211232209080046"}"""));
            operation.Responses!["200"] = Answered(
                ApiSchemas.OrderEnvelopeSchema,
                "The cancelled order (code 0, status -1), or the refusal.",
                renewsToken: true,
                ("cancelled", "The order, cancelled", await examples.SuccessAsync(ApiExamples.CancelledOrder)),
                ("order_not_cancellable", "The order was paid already", await examples.RefusalAsync(
                    Error.Of(ErrorCode.OrderNotCancellable, "order_id").With("status", (int)Domain.Orders.OrderStatus.Paid))),
                ("order_not_found", "Unknown, or another buyer's", await examples.RefusalAsync(Error.Of(ErrorCode.OrderNotFound, "order_id"))));
            Body(operation);
        }

        private async Task DescribeConfirmPaymentAsync(OpenApiOperation operation)
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(PaymentServiceTag, document) };
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ServiceKeyScheme, document)] = [] }];
            operation.Description = "The payment service confirms that an order was paid (R65). Sending the same confirmation again changes nothing. "
                + "A cancelled or closed order is refused with order_closed: the payment must be refunded. Not for storefronts: no token is read.";
            RequestExamples(operation, ("paid", """{"order_id":"202211232209080046","payment_id":"pay-001","amount":9900}"""));
            operation.Responses!["200"] = Answered(
                ApiSchemas.OrderEnvelopeSchema,
                "The paid order (code 0, status 1), or the refusal.",
                renewsToken: false,
                ("paid", "The order, paid", await examples.SuccessAsync(ApiExamples.PaidOrder)),
                ("amount_mismatch", "Another amount than the order's", await examples.RefusalAsync(
                    Error.Of(ErrorCode.AmountMismatch, "amount").With("amount", ApiExamples.PlacedOrder.Amount))),
                ("order_closed", "The order was cancelled or closed", await examples.RefusalAsync(
                    Error.Of(ErrorCode.OrderClosed, "order_id").With("status", (int)Domain.Orders.OrderStatus.Cancelled))));
            Body(operation);
            Respond(operation, StatusCodes.Status401Unauthorized, ServiceKeyRefusedResponse);
            Respond(operation, StatusCodes.Status404NotFound, NotFoundResponse);
        }

        /// <summary>A storefront's operation: the token in any of its three places, and a renewed token in the answer (R7, R11).</summary>
        private void Buyer(OpenApiOperation operation)
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(OrdersTag, document) };
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenHeaderScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenCookieScheme, document)] = [] },
            ];
        }

        /// <summary>An operation with a JSON body: a broken transfer and an oversized body have their own statuses (R4, R5).</summary>
        private void Body(OpenApiOperation operation)
        {
            Respond(operation, StatusCodes.Status400BadRequest, BrokenTransferResponse);
            Respond(operation, StatusCodes.Status413PayloadTooLarge, PayloadTooLargeResponse);
        }

        private void Respond(OpenApiOperation operation, int status, string response) =>
            operation.Responses![status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponseReference(response, document);

        private static void RequestExamples(OpenApiOperation operation, params (string Name, string Json)[] bodies)
        {
            var media = operation.RequestBody?.Content?["application/json"]
                ?? throw new InvalidOperationException($"Operation {operation.OperationId} has no JSON body to show examples of.");
            media.Examples = bodies.ToDictionary(
                body => body.Name,
                body => (IOpenApiExample)new OpenApiExample { Value = System.Text.Json.Nodes.JsonNode.Parse(body.Json) },
                StringComparer.Ordinal);
        }

        /// <summary>
        /// The HTTP 200 answer: the operation's success envelope or a refusal (code -1, 1001 or 1002),
        /// told apart by code; a storefront's answer may renew its token (R11).
        /// </summary>
        private OpenApiResponse Answered(string successSchema, string description, bool renewsToken, params (string Name, string? Summary, ApiExamples.Answer Answer)[] answers)
        {
            var schema = new OpenApiSchema
            {
                OneOf = [schemas.Reference(successSchema), schemas.Reference(ApiSchemas.ErrorEnvelopeSchema)],
                Description = "code 0: " + successSchema + "; any other code: ErrorEnvelope.",
            };
            var headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            if (renewsToken)
            {
                headers[TokenRenewal.Header] = new OpenApiHeaderReference(TokenRenewal.Header, document);
            }

            return new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/json"] = Media(StatusCodes.Status200OK, schema, answers),
                },
                Headers = headers,
            };
        }
    }
}
