using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Api.Requests;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Commands.CreateOrder;

namespace OrderPlatform.Benchmarks.Json;

/// <summary>
/// The Api's body reader (src/Api/Requests/JsonBody.cs) and success envelope
/// (src/Api/Envelope/EnvelopeResults.cs) are internal, and the Api lets only its functional tests see
/// its internals. So that the benchmarks measure that code rather than a copy of it, they are bound
/// here once, by name, into plain delegates: an operation costs one delegate call more than the
/// endpoint's direct call. Renaming either breaks the benchmarks' setup, loudly.
/// </summary>
internal static class ApiInternals
{
    private static readonly Assembly Api = typeof(CreateOrderRequest).Assembly;

    /// <summary>
    /// What the create endpoint does with a request's body: JsonBody.ReadAsync&lt;CreateOrderRequest&gt;
    /// (media type, size limit, UTF-8, strict parse, deserialisation), then ToCommand. <paramref name="services"/>
    /// provides the reader's options and logger.
    /// </summary>
    public static Func<HttpRequest, Task<CreateOrderCommand>> CreateOrderBodyReader(IServiceProvider services)
    {
        var jsonBodyType = ApiType("OrderPlatform.Api.Requests.JsonBody");
        var jsonRequestType = ApiType("OrderPlatform.Api.Requests.JsonRequest`1").MakeGenericType(typeof(CreateOrderRequest));
        var readAsync = ApiMethod(jsonBodyType, "ReadAsync", BindingFlags.Public | BindingFlags.Instance).MakeGenericMethod(typeof(CreateOrderRequest));
        var read = Delegate.CreateDelegate(
            typeof(Func<,,>).MakeGenericType(typeof(HttpRequest), typeof(CancellationToken), readAsync.ReturnType),
            ActivatorUtilities.CreateInstance(services, jsonBodyType),
            readAsync);
        var body = Delegate.CreateDelegate(
            typeof(Func<,>).MakeGenericType(jsonRequestType, typeof(CreateOrderRequest)),
            jsonRequestType.GetProperty("Body")?.GetMethod ?? throw new InvalidOperationException("JsonRequest<T>.Body is gone."));
        var bind = typeof(ApiInternals).GetMethod(nameof(ReadCommands), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(jsonRequestType);
        return (Func<HttpRequest, Task<CreateOrderCommand>>)bind.Invoke(null, [read, body])!;
    }

    /// <summary>EnvelopeResults.Success: the answer to a use case that succeeded, {"code":0,"msg":"","data":...} in the Api's JSON format.</summary>
    public static Func<object, IResult> SuccessEnvelope() =>
        ApiMethod(ApiType("OrderPlatform.Api.Envelope.EnvelopeResults"), "Success", BindingFlags.Public | BindingFlags.Static)
            .CreateDelegate<Func<object, IResult>>();

    private static Type ApiType(string name) =>
        Api.GetType(name) ?? throw new InvalidOperationException($"{name} is gone from the Api; update {nameof(ApiInternals)}.");

    private static MethodInfo ApiMethod(Type type, string name, BindingFlags flags) =>
        type.GetMethod(name, flags) ?? throw new InvalidOperationException($"{type.Name}.{name} is gone from the Api; update {nameof(ApiInternals)}.");

    /// <summary>Typed over the Api's internal JsonRequest&lt;CreateOrderRequest&gt;, which only reflection can name.</summary>
    private static Func<HttpRequest, Task<CreateOrderCommand>> ReadCommands<TJsonRequest>(
        Func<HttpRequest, CancellationToken, Task<Result<TJsonRequest>>> read, Func<TJsonRequest, CreateOrderRequest> body)
        where TJsonRequest : notnull =>
        async request =>
        {
            var outcome = await read(request, CancellationToken.None);
            return outcome.Failed(out var refused)
                ? throw new InvalidOperationException($"The body was refused with {refused.Name}.")
                : body(outcome.Value).ToCommand();
        };
}
