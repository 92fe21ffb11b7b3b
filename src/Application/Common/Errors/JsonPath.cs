using System.Text;
using System.Text.Json;

namespace OrderPlatform.Application.Common.Errors;

/// <summary>
/// Turns a C# member path such as <c>Details[0].GoodsSkuId</c> into the JSON path the client sent,
/// <c>details[0].goods_sku_id</c>. Request members mirror the snake_case JSON names, so this is exact.
/// </summary>
public static class JsonPath
{
    public static string? FromPropertyPath(string? propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return null;
        }

        var path = new StringBuilder(propertyPath.Length + 8);
        foreach (var segment in propertyPath.Split('.'))
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            var index = segment.IndexOf('[', StringComparison.Ordinal);
            var name = index < 0 ? segment : segment[..index];
            path.Append(JsonNamingPolicy.SnakeCaseLower.ConvertName(name));
            if (index >= 0)
            {
                path.Append(segment, index, segment.Length - index);
            }
        }

        return path.ToString();
    }
}
