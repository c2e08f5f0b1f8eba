using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace ProgramTracker.Web.Api;

/// <summary>
/// `ProgramTracker.Web create-token --user NAME [--name N] [--days D] [--write]`: a personal access token for scripts.
/// The token is printed once on standard output (alone on its line, for `$(…)`); the database keeps its hash only.
/// </summary>
public static class CreateTokenCommand
{
    public const string Name = "create-token";

    public static Task<int> RunAsync(WebApplication app, string[] args) => RunAsync(app.Services, app.Configuration, args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, string[] args, TextWriter output, TextWriter error)
    {
        var userName = Option(args, "--user");
        var days = ApiTokens.DefaultDays;
        if (string.IsNullOrWhiteSpace(userName) || (Option(args, "--days") is { } d && !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out days)))
        {
            await error.WriteLineAsync("Cách dùng: ProgramTracker.Web create-token --user TÊN_ĐĂNG_NHẬP [--name TÊN_MÃ] [--days SỐ_NGÀY] [--write]");
            return 2;
        }

        if (!await DatabaseInitializer.ReadyForCommandAsync(services, configuration, error))
        {
            return 1;
        }

        await using var scope = services.CreateAsyncScope();

        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName.Trim());
        if (user is null || user.IsDisabled)
        {
            await error.WriteLineAsync($"Không có tài khoản đang hoạt động tên “{userName.Trim()}”.");
            return 1;
        }

        var write = args.Contains("--write");
        var (created, problem) = await scope.ServiceProvider.GetRequiredService<ApiTokens>()
            .CreateAsync(user.Id, Option(args, "--name") ?? $"create-token {scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow():yyyy-MM-dd}", days, write);
        if (created is null)
        {
            await error.WriteLineAsync(problem);
            return 1;
        }

        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CreateTokenCommand))
            .LogInformation("API token {TokenId} created from the command line for {UserName}", created.Token.Id, user.UserName);
        await error.WriteLineAsync($"Mã “{created.Token.Name}” của {user.UserName} ({(write ? "đọc và ghi" : "chỉ đọc")}), hết hạn {created.Token.ExpiresAtUtc:yyyy-MM-dd}. Mã chỉ hiện một lần:");
        await output.WriteLineAsync(created.Secret);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
