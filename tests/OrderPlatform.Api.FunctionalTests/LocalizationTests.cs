using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>R6: English messages by default, Simplified Chinese on request, the same codes either way.</summary>
public sealed class LocalizationTests(OrderPlatformApiFactory factory) : IClassFixture<OrderPlatformApiFactory>
{
    private const string Body = """{"goods_id":188,"quantity":1}""";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static TheoryData<ErrorCode> AllErrorCodes
    {
        get
        {
            var codes = new TheoryData<ErrorCode>();
            foreach (var code in Enum.GetValues<ErrorCode>())
            {
                codes.Add(code);
            }

            return codes;
        }
    }

    [Theory]
    [MemberData(nameof(AllErrorCodes))]
    public void R6_every_error_code_has_an_english_and_a_different_chinese_message(ErrorCode code)
    {
        var english = ErrorMessages.For(code, English);
        var chinese = ErrorMessages.For(code, Chinese);

        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
        Assert.True(HasChineseCharacters(chinese), $"{code}: '{chinese}' is not Chinese");
        Assert.False(HasChineseCharacters(english), $"{code}: '{english}' is not English");
    }

    [Fact]
    public void R6_every_invalid_json_message_and_expected_type_word_exists_in_both_languages()
    {
        foreach (var expected in Enum.GetValues<ErrorMessages.Expected>())
        {
            var english = ErrorMessages.WrongType("details[0].quantity", expected, English);
            var chinese = ErrorMessages.WrongType("details[0].quantity", expected, Chinese);

            Assert.StartsWith("details[0].quantity must be ", english, StringComparison.Ordinal);
            Assert.StartsWith("details[0].quantity ", chinese, StringComparison.Ordinal);
            Assert.True(HasChineseCharacters(chinese), chinese);
        }

        Assert.Equal("请求体为空", ErrorMessages.For(InvalidJson(ErrorMessages.EmptyBodyKey), Chinese));
        Assert.NotEqual(ErrorMessages.For(InvalidJson(ErrorMessages.NotJsonKey), English), ErrorMessages.For(InvalidJson(ErrorMessages.NotJsonKey), Chinese));
        Assert.NotEqual(ErrorMessages.For(InvalidJson(ErrorMessages.NotObjectKey), English), ErrorMessages.For(InvalidJson(ErrorMessages.NotObjectKey), Chinese));
    }

    private static Error InvalidJson(string messageKey) => Error.Of(ErrorCode.InvalidJson) with { MessageKey = messageKey };

    [Fact]
    public void R6_both_resource_files_hold_the_same_keys_and_nothing_else()
    {
        var resources = new ResourceManager("OrderPlatform.Api.Resources.ErrorMessages", typeof(ErrorMessages).Assembly);

        var english = KeysOf(resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
        var chinese = KeysOf(resources.GetResourceSet(Chinese, createIfNotExists: true, tryParents: false));

        Assert.Equal(english, chinese);
        var codes = Enum.GetValues<ErrorCode>().Select(ErrorCodeNames.NameOf).ToHashSet(StringComparer.Ordinal);
        var extras = english.Where(key => !codes.Contains(key)).ToList();
        Assert.All(extras, key => Assert.True(key.StartsWith("invalid_json.", StringComparison.Ordinal) || key.StartsWith("expected.", StringComparison.Ordinal), key));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-cn")]
    [InlineData("zh")]
    [InlineData("zh-Hans")]
    [InlineData("ZH-HANS")]
    public async Task R6_lang_query_asks_for_chinese_and_the_codes_stay_the_same(string lang)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync($"/api/order/create?lang={lang}", OrderPlatformApiFactory.Json(Body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1001, envelope.Code);
        Assert.Equal("请先登录", envelope.Msg);
        Assert.Equal("not_logged_in", envelope.Error);
        Assert.Null(envelope.Field);
    }

    [Fact]
    public async Task R6_english_is_the_default()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(1001, envelope.Code);
        Assert.Equal("Please log in", envelope.Msg);
        Assert.Equal("not_logged_in", envelope.Error);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9", "请先登录")]
    [InlineData("zh", "请先登录")]
    [InlineData("en-US,zh;q=0.5", "Please log in")]
    [InlineData("en", "Please log in")]
    [InlineData("fr-FR,fr;q=0.9", "Please log in")]
    [InlineData("fr-FR,zh-CN;q=0.8,en;q=0.5", "请先登录")]
    [InlineData("en;q=0.4,zh-TW;q=0.6", "请先登录")]
    [InlineData("zh;q=0", "Please log in")]
    [InlineData("zh-CN;q=0.8,en;q=0.8", "请先登录")]
    public async Task R6_accept_language_decides_by_its_preferred_language_we_serve(string acceptLanguage, string message)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(Body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(1001, envelope.Code);
        Assert.Equal(message, envelope.Msg);
        Assert.Equal("not_logged_in", envelope.Error);
    }

    [Theory]
    [InlineData("en", "Please log in")]
    [InlineData("fr", "请先登录")]
    public async Task R6_a_lang_query_we_serve_beats_accept_language_and_one_we_do_not_is_ignored(string lang, string message)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");

        using var response = await client.PostAsync($"/api/order/create?lang={lang}", OrderPlatformApiFactory.Json(Body));

        Assert.Equal(message, (await Envelope.ReadAsync(response)).Msg);
    }

    [Theory]
    [InlineData("{\"goods_id\": \"5\"}", "goods_id", "goods_id 必须是整数", "an integer")]
    [InlineData("{\"remark\": 7, \"goods_id\": 188}", "remark", "remark 必须是字符串", "a string")]
    [InlineData("{\"cart_ids\": 3}", "cart_ids", "cart_ids 必须是数组", "an array")]
    [InlineData("{\"details\": [{\"goods_id\": 1, \"quantity\": 1.5}]}", "details[0].quantity", "details[0].quantity 必须是整数", "an integer")]
    public async Task R6_a_mistyped_member_is_named_in_the_chinese_message_with_the_same_error_data(string body, string field, string message, string expected)
    {
        using var client = factory.ClientFor(1000);

        using var response = await client.PostAsync("/api/order/create?lang=zh-CN", OrderPlatformApiFactory.Json(body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(-1, envelope.Code);
        Assert.Equal("invalid_json", envelope.Error);
        Assert.Equal(field, envelope.Field);
        Assert.Contains(field, envelope.Msg, StringComparison.Ordinal);
        Assert.Equal(message, envelope.Msg);
        Assert.Equal(expected, envelope.Data.GetProperty("expected").GetString());
    }

    [Theory]
    [InlineData("", "请求体为空")]
    [InlineData("{\"goods_id\": 188,", "请求体不是有效的 JSON")]
    [InlineData("[1, 2]", "请求体必须是 JSON 对象")]
    public async Task R6_an_unreadable_body_is_told_in_chinese(string body, string message)
    {
        using var client = factory.ClientFor(1000);
        client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN,zh;q=0.9");

        using var response = await client.PostAsync("/api/order/create", OrderPlatformApiFactory.Json(body));
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(-1, envelope.Code);
        Assert.Equal("invalid_json", envelope.Error);
        Assert.Equal(message, envelope.Msg);
    }

    [Fact]
    public async Task R6_the_content_type_refusal_is_told_in_chinese()
    {
        using var client = factory.ClientFor(1000);
        using var content = new StringContent(Body, System.Text.Encoding.UTF8, "text/plain");

        using var response = await client.PostAsync("/api/order/create?lang=zh-CN", content);
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal("unsupported_media_type", envelope.Error);
        Assert.Equal(ErrorMessages.For(ErrorCode.UnsupportedMediaType, Chinese), envelope.Msg);
    }

    [Theory]
    [InlineData("", "Internal error")]
    [InlineData("?lang=zh-CN", "内部错误")]
    public async Task R6_the_500_envelope_is_localized_too(string query, string message)
    {
        using var faulty = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IStartupFilter, ThrowWhereNoEndpointAnswers>()));
        using var client = faulty.CreateClient();

        using var response = await client.GetAsync($"/localization-tests/fault{query}");
        var envelope = await Envelope.ReadAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(-1, envelope.Code);
        Assert.Equal(message, envelope.Msg);
        Assert.Equal("internal_error", envelope.Error);
        Assert.False(string.IsNullOrEmpty(envelope.Data.GetProperty("trace_id").GetString()));
    }

    private static bool HasChineseCharacters(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static List<string> KeysOf(ResourceSet? set)
    {
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().Select(entry => (string)entry.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A fault that depends on no application port: a request no endpoint answers throws, inside the exception handler.</summary>
    private sealed class ThrowWhereNoEndpointAnswers : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(_ => throw new InvalidOperationException("localization test fault"));
        };
    }
}
