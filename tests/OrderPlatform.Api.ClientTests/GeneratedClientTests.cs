using OrderPlatform.Api.ClientTests.Generated;

namespace OrderPlatform.Api.ClientTests;

/// <summary>
/// A C# client generated from docs/openapi.json (NSwag, at build time) against the service in
/// process: if the document's paths, parameters, schemas, required members, enums or security
/// schemes were wrong, these calls would fail to compile, to send or to read.
/// </summary>
public sealed class GeneratedClientTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    /// <summary>The API document's first example (R51-R53), built with the generated types.</summary>
    private static CreateOrderRequest SingleProductExample() => new()
    {
        Goods_id = 188,
        Quantity = 1,
        Type = OrderType.Goods,
        Remark = "普通商品订单",
    };

    /// <summary>The API document's second example, storefront copies of the option values included.</summary>
    private static CreateOrderRequest MultipleProductsExample() => new()
    {
        Details =
        [
            new CreateOrderDetail
            {
                Goods_id = 1,
                Quantity = 2,
                Goods_sku_id = 1,
                Sku_values = [new CreateOrderSkuValue { Id = 156, Archive_id = 32, Option_id = 33, Title = "Small", Option_title = "Size" }],
            },
            new CreateOrderDetail
            {
                Goods_id = 2,
                Quantity = 1,
                Goods_sku_id = 3,
                Sku_values =
                [
                    new CreateOrderSkuValue { Id = 153, Archive_id = 32, Option_id = 32, Title = "Denim", Option_title = "Fiber" },
                    new CreateOrderSkuValue { Id = 156, Archive_id = 32, Option_id = 33, Title = "Small", Option_title = "Size" },
                ],
            },
        ],
        Type = OrderType.Goods,
        Address = new CreateOrderAddress
        {
            Name = "王先生",
            Phone = "13888888888",
            Province = "河南省",
            City = "郑州市",
            Country = "中原区",
            Address_info = "中原西路233号",
            Postcode = "450000",
        },
        Remark = "多商品订单",
        Coupon_code = "COUPON2023",
    };

    [Fact]
    public async Task R51_the_single_product_example_is_placed_and_read_as_a_typed_order()
    {
        var client = factory.BuyerClient();

        var placed = await client.CreateOrderAsync(SingleProductExample());

        Assert.Equal(OrderEnvelopeCode.Success, placed.Code);
        Assert.Equal(string.Empty, placed.Msg);
        var order = placed.Data;
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(OrderType.Goods, order.Type);
        Assert.Equal(1000, order.User_id);
        Assert.Equal(9900, order.Origin_amount);
        Assert.Equal(9900, order.Amount);
        Assert.Equal(15, order.Seller_id);
        Assert.Equal(7920, order.Seller_amount);
        Assert.Null(order.Order_address);
        var line = Assert.Single(order.Details);
        Assert.Equal(188, line.Goods_id);
        Assert.Equal(9900, line.Price);
    }

    [Fact]
    public async Task R61_the_multiple_products_example_is_placed_and_read_back_by_number_and_by_id()
    {
        var client = factory.BuyerClient();
        var placed = (await client.CreateOrderAsync(MultipleProductsExample())).Data;

        var byNumber = (await client.GetOrderDetailAsync(order_id: placed.Order_id)).Data;
        var byId = (await client.GetOrderDetailAsync(id: placed.Id)).Data;

        foreach (var order in new[] { byNumber, byId })
        {
            Assert.Equal(placed.Order_id, order.Order_id);
            Assert.Equal(22700, order.Origin_amount);
            Assert.Equal(2000, order.Discount_amount);
            Assert.Equal(20700, order.Amount);
            Assert.True(order.Coupon_code_id > 0);
            Assert.Equal("王先生", order.Order_address.Name);
            Assert.Equal("中原区", order.Order_address.Country);
            Assert.Equal([1L, 2L], order.Details.Select(line => line.Goods_id).Order());
            Assert.Contains(order.Details, line => line.Sku_values.Any(value => value.Id == 156 && value.Option_title == "Size"));
        }
    }

    [Fact]
    public async Task R62_the_list_is_a_typed_page_newest_first_with_its_total()
    {
        var client = factory.BuyerClient();
        var placed = (await client.CreateOrderAsync(SingleProductExample())).Data;

        var page = await client.ListOrdersAsync(status: OrderStatusFilter.Waiting, current: 1, pageSize: 1);

        Assert.Equal(OrderPageEnvelopeCode.Success, page.Code);
        Assert.True(page.Total >= 1);
        var newest = Assert.Single(page.Data);
        Assert.Equal(placed.Order_id, newest.Order_id);
        Assert.Equal(OrderStatus.PendingPayment, newest.Status);
    }

    public static TheoryData<OrderStatusFilter> StatusFilters => new(Enum.GetValues<OrderStatusFilter>());

    [Theory]
    [MemberData(nameof(StatusFilters))]
    public async Task R62_every_status_filter_the_document_lists_is_accepted(OrderStatusFilter status)
    {
        var page = await factory.BuyerClient().ListOrdersAsync(status: status);

        Assert.Equal(OrderPageEnvelopeCode.Success, page.Code);
    }

    [Fact]
    public async Task R21_an_unknown_product_is_a_typed_refusal_naming_the_member_at_fault()
    {
        var client = factory.BuyerClient();

        var refused = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => client.CreateOrderAsync(new CreateOrderRequest { Goods_id = 999, Quantity = 1 }));

        Assert.Equal(200, refused.StatusCode);
        Assert.Equal(ErrorEnvelopeCode.Refused, refused.Result.Code);
        Assert.Equal(ErrorCode.GoodsNotFound, refused.Result.Data.Error);
        Assert.Equal("goods_id", refused.Result.Data.Field);
        Assert.Equal(999, refused.Result.Data.Goods_id);
    }

    [Fact]
    public async Task R6_the_lang_parameter_changes_msg_and_nothing_a_client_switches_on()
    {
        var client = factory.BuyerClient();
        var unknown = new CreateOrderRequest { Goods_id = 999 };

        var english = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => client.CreateOrderAsync(unknown));
        var chinese = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => client.CreateOrderAsync(unknown, lang: "zh-CN"));

        Assert.NotEqual(english.Result.Msg, chinese.Result.Msg);
        Assert.Equal(english.Result.Code, chinese.Result.Code);
        Assert.Equal(english.Result.Data.Error, chinese.Result.Data.Error);
        Assert.Equal(english.Result.Data.Field, chinese.Result.Data.Field);
    }

    [Fact]
    public async Task R9_without_a_token_the_refusal_is_code_1001()
    {
        var client = factory.ClientSending();

        var refused = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => client.ListOrdersAsync());

        Assert.Equal(ErrorEnvelopeCode.NotLoggedIn, refused.Result.Code);
        Assert.Equal(ErrorCode.NotLoggedIn, refused.Result.Data.Error);
        Assert.Null(refused.Result.Data.Field);
    }

    [Fact]
    public async Task R7_the_token_is_accepted_in_every_way_the_document_offers()
    {
        var schemes = OpenApiDocumentFile.SecuritySchemesOf("ListOrders");
        var token = factory.TokenFor(1000);

        Assert.Equal(["token", "bearer", "tokenCookie"], schemes);
        foreach (var scheme in schemes)
        {
            var page = await factory.ClientSending(scheme, token).ListOrdersAsync();
            Assert.Equal(OrderPageEnvelopeCode.Success, page.Code);
        }
    }

    [Fact]
    public async Task R63_a_waiting_order_is_cancelled_and_a_second_cancel_is_refused_with_its_status()
    {
        var client = factory.BuyerClient();
        var placed = (await client.CreateOrderAsync(SingleProductExample())).Data;

        var cancelled = await client.CancelOrderAsync(new CancelOrderRequest { Order_id = placed.Order_id });
        var again = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() => client.CancelOrderAsync(new CancelOrderRequest { Order_id = placed.Order_id }));

        Assert.Equal(OrderStatus.Cancelled, cancelled.Data.Status);
        Assert.Equal(ErrorCode.OrderNotCancellable, again.Result.Data.Error);
        Assert.Equal(OrderStatus.Cancelled, again.Result.Data.Status);
    }

    [Fact]
    public async Task R65_the_payment_service_confirms_with_the_documented_service_key()
    {
        var placed = (await factory.BuyerClient().CreateOrderAsync(SingleProductExample())).Data;
        var scheme = Assert.Single(OpenApiDocumentFile.SecuritySchemesOf("ConfirmPayment"));
        var paymentService = factory.ClientSending(scheme, ServiceFactory.ServiceKey);

        var paid = await paymentService.ConfirmPaymentAsync(new ConfirmPaymentRequest { Order_id = placed.Order_id, Payment_id = "pay-001", Amount = placed.Amount });

        Assert.Equal(OrderStatus.Paid, paid.Data.Status);
        Assert.Equal("pay-001", paid.Data.Payment_id);
        Assert.True(paid.Data.Paid_time > 0);
    }

    [Fact]
    public async Task R65_a_wrong_service_key_is_the_documented_401_with_code_1002()
    {
        var scheme = Assert.Single(OpenApiDocumentFile.SecuritySchemesOf("ConfirmPayment"));
        var stranger = factory.ClientSending(scheme, "not-the-payment-service-key-but-32-bytes-long");

        var refused = await Assert.ThrowsAsync<ApiException<ErrorEnvelope>>(() =>
            stranger.ConfirmPaymentAsync(new ConfirmPaymentRequest { Order_id = "202211232209080046", Payment_id = "pay-001", Amount = 9900 }));

        Assert.Equal(401, refused.StatusCode);
        Assert.Equal(ErrorEnvelopeCode.NotAuthorized, refused.Result.Code);
        Assert.Equal(ErrorCode.InvalidServiceKey, refused.Result.Data.Error);
    }
}
