using OrderPlatform.Api;
using OrderPlatform.Api.Authentication;
using OrderPlatform.Api.Cli;
using OrderPlatform.Api.Endpoints;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Api.Health;
using OrderPlatform.Api.Internal;
using OrderPlatform.Api.OpenApi;
using OrderPlatform.Api.RateLimiting;
using OrderPlatform.Api.Requests;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderPlatform.Application;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Infrastructure;
using OrderPlatform.Infrastructure.Seeding;
using Scalar.AspNetCore;
using Serilog;

if (CommandLine.Preempt(args) is { } answered)
{
    return answered;
}

var builder = WebApplication.CreateBuilder(args);
if (ConfigurationCheck.Report(builder.Configuration) is { } refused)
{
    return refused;
}

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
    preserveStaticLogger: true);

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddAuthentication(AnqiTokenAuthentication.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, AnqiTokenAuthentication>(AnqiTokenAuthentication.SchemeName, configureOptions: null);
builder.Services.AddHttpContextAccessor();
builder.Services.Replace(ServiceDescriptor.Scoped<ICurrentUser, HttpCurrentUser>());
builder.Services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<JsonBody>();
builder.Services.AddSingleton<TokenRenewal>();
builder.Services.AddOptions<InternalOptions>().Bind(builder.Configuration.GetSection(InternalOptions.SectionName))
    .Validate(
        o => o.ServiceKeys.All(key => System.Text.Encoding.UTF8.GetByteCount(key) >= InternalOptions.MinimumKeyBytes),
        $"Every Internal:ServiceKeys entry must be at least {InternalOptions.MinimumKeyBytes} bytes (R65).")
    .ValidateOnStart();
builder.Services.AddSingleton<ServiceKeyCheck>();
builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddCreateOrderRateLimit();
builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = ApiJson.Options.PropertyNamingPolicy;
    options.SerializerOptions.NumberHandling = ApiJson.Options.NumberHandling;
});
builder.AddApiDocument();

var app = builder.Build();

// The build-time document generator runs this entry point only to read the endpoints: no command, no database.
if (!ApiDocument.IsBuildTimeGeneration && await CommandLine.RunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

app.UseExceptionHandler();
app.UseSerilogRequestLogging(options =>
{
    // This host's own logger: Serilog's process-wide one belongs to whichever host in the process was built last.
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} {" + RequestOutcome.LogProperty + "} in {Elapsed:0.0000} ms";
    options.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set(RequestOutcome.LogProperty, RequestOutcome.Of(http));
});
app.UseStatusCodePages(UnmatchedRequests.AnswerAsync);
app.UseAuthentication();
app.UseRateLimiter();

if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}

app.MapHealthChecks("/health");
app.MapOrderEndpoints();
app.MapPaymentEndpoints();

if (app.Configuration.GetValue<bool>($"{SeedOptions.SectionName}:{nameof(SeedOptions.Demo)}"))
{
    TryItBanner.PrintWhenStarted(app);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
