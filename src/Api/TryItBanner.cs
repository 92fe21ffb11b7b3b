using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrderPlatform.Api;

/// <summary>Prints, once the server listens, how to place the API document's first example order and list it.</summary>
internal static class TryItBanner
{
    public static void PrintWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost:5080";
            var body = """{"goods_id":188,"quantity":1,"type":"goods","remark":"普通商品订单"}""";
            Console.WriteLine($"""

                OrderPlatform is listening on {address} (environment {app.Environment.EnvironmentName}).
                Try it from another terminal in the repository root (demo user 1000, product 188):

                  TOKEN=$(dotnet run --project src/Api --no-build --no-launch-profile -- issue-token --user-id 1000 --environment {app.Environment.EnvironmentName})
                  curl -s {address}/api/order/create -H "token: $TOKEN" -H 'Content-Type: application/json' -d '{body}'
                  curl -s {address}/api/orders -H "token: $TOKEN"

                The README shows detail, cancel and payment confirmation. The demo coupons and cart are
                single-use; `dotnet run --project src/Api --no-build --no-launch-profile -- reset-demo
                --environment Development` puts the demo data back.

                """);
        });
    }
}
