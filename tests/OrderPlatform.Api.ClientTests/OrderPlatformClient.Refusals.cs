using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OrderPlatform.Api.ClientTests.Generated;

/// <summary>
/// A refusal comes with HTTP 200 like a success (R3): the document's 200 answer is oneOf the
/// success envelope and ErrorEnvelope, told apart by code. NSwag types the answer as the first of
/// them, so this reads code and raises any other as the typed refusal, the same
/// <see cref="ApiException{TResult}"/> of <see cref="ErrorEnvelope"/> that the 4xx and 5xx answers raise.
/// </summary>
public partial class OrderPlatformClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) => settings.Converters.Add(new RefusalReader());

    private sealed class RefusalReader : JsonConverter
    {
        public override bool CanWrite => false;

        public override bool CanConvert(Type objectType) => objectType == typeof(OrderEnvelope) || objectType == typeof(OrderPageEnvelope);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var envelope = JObject.Load(reader);
            if (envelope.Value<int>("code") != 0)
            {
                var refusal = envelope.ToObject<ErrorEnvelope>(serializer)!;
                throw new ApiException<ErrorEnvelope>(refusal.Msg, 200, envelope.ToString(Formatting.None), new Dictionary<string, IEnumerable<string>>(), refusal, null);
            }

            var success = Activator.CreateInstance(objectType)!;
            serializer.Populate(envelope.CreateReader(), success);
            return success;
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
            throw new NotSupportedException("Envelopes are only read.");
    }
}
