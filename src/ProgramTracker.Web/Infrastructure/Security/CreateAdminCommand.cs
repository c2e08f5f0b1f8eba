using System.Text;

namespace ProgramTracker.Web.Infrastructure.Security;

/// <summary>
/// `ProgramTracker.Web create-admin --user NAME`: the first administrator of a new installation. The password is read
/// from the console without echo, or as the first line of standard input when that is redirected (scripts).
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static Task<int> RunAsync(WebApplication app, string[] args) =>
        RunAsync(app.Services, app.Configuration, args, Console.IsInputRedirected ? new PipedSecret(Console.In) : new ConsoleSecret(), Console.Out, Console.Error);

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, string[] args, ISecretReader secrets, TextWriter output, TextWriter error)
    {
        var userName = UserArgument(args);
        if (string.IsNullOrWhiteSpace(userName))
        {
            await error.WriteLineAsync("Cách dùng: ProgramTracker.Web create-admin --user TÊN_ĐĂNG_NHẬP   (mật khẩu nhập từ bàn phím, hoặc dòng đầu của stdin)");
            return 2;
        }

        if (!await DatabaseInitializer.ReadyForCommandAsync(services, configuration, error))
        {
            return 1;
        }

        await using var scope = services.CreateAsyncScope();

        var password = secrets.Read($"Mật khẩu cho {userName}: ");
        if (secrets.Interactive && password != secrets.Read("Nhập lại mật khẩu: "))
        {
            await error.WriteLineAsync("Hai lần nhập mật khẩu không khớp; chưa tạo tài khoản.");
            return 1;
        }

        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("Chưa nhập mật khẩu; chưa tạo tài khoản.");
            return 1;
        }

        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAdminAsync(userName.Trim(), password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                await error.WriteLineAsync(e.Description);
            }

            return 1;
        }

        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CreateAdminCommand))
            .LogInformation("Administrator {UserName} created from the command line", userName.Trim());
        await output.WriteLineAsync($"Đã tạo tài khoản quản trị “{userName.Trim()}”. Đăng nhập tại /account/login.");
        return 0;
    }

    private static string? UserArgument(string[] args)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--user" or "-u" && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--user=", StringComparison.Ordinal))
            {
                return args[i]["--user=".Length..];
            }
        }

        return null;
    }

    public interface ISecretReader
    {
        /// <summary>True when a person types at a console: the password is asked twice.</summary>
        bool Interactive { get; }

        string Read(string prompt);
    }

    /// <summary>Reads standard input that a script redirected: one line, no prompt, no confirmation.</summary>
    public sealed class PipedSecret(TextReader input) : ISecretReader
    {
        public bool Interactive => false;

        public string Read(string prompt) => input.ReadLine()?.TrimEnd('\r') ?? "";
    }

    /// <summary>Reads key by key with nothing echoed.</summary>
    private sealed class ConsoleSecret : ISecretReader
    {
        public bool Interactive => true;

        public string Read(string prompt)
        {
            Console.Write(prompt);
            var text = new StringBuilder();
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    if (text.Length > 0)
                    {
                        text.Length--;
                    }
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    text.Append(key.KeyChar);
                }
            }

            Console.WriteLine();
            return text.ToString();
        }
    }
}
