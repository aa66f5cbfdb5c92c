using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(PreferenceUiKit.Components.Endpoints.BenchmarkFixedPage))]

namespace PreferenceUiKit.Components.Endpoints;

/// <summary>
/// The load benchmark's floor: a fixed HTML page of a requested size served by the same process, before routing.
/// Inert unless the host is started with <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=PreferenceUiKit.Components</c> and
/// <c>Bench:FixedPage=true</c>; then <c>GET /bench/fixed?bytes=N</c> answers N bytes of HTML.
/// </summary>
public sealed class BenchmarkFixedPage : IHostingStartup
{
    /// <summary>The path of the fixed page.</summary>
    public const string Path = "/bench/fixed";

    /// <inheritdoc />
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices((context, services) =>
        {
            if (context.Configuration.GetValue<bool>("Bench:FixedPage"))
                services.AddTransient<IStartupFilter, FixedPageFilter>();
        });
    }

    private sealed class FixedPageFilter : IStartupFilter
    {
        private volatile byte[] _page = [];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (!context.Request.Path.Equals(Path, StringComparison.Ordinal)) return following(context);
                var size = int.TryParse(context.Request.Query["bytes"], out var n) ? Math.Clamp(n, 64, 1 << 20) : 12 * 1024;
                var page = _page;
                if (page.Length != size) _page = page = Build(size);
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = page.Length;
                return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(page).AsTask();
            });
            next(app);
        };

        private static byte[] Build(int size)
        {
            const string head = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fixed</title></head><body><p>";
            const string tail = "</p></body></html>";
            var page = new byte[size];
            page.AsSpan().Fill((byte)'x');
            System.Text.Encoding.ASCII.GetBytes(head).CopyTo(page, 0);
            System.Text.Encoding.ASCII.GetBytes(tail).CopyTo(page, size - tail.Length);
            return page;
        }
    }
}
