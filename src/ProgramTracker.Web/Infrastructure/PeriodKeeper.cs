using ProgramTracker.Core.Periods;

namespace ProgramTracker.Web.Infrastructure;

/// <summary>Runs <see cref="PeriodCalendar"/> at start and every few hours, so a new quarter opens on its first day.</summary>
public sealed class PeriodKeeper(IServiceProvider services, ILogger<PeriodKeeper> logger, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6), clock);
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var added = await scope.ServiceProvider.GetRequiredService<PeriodCalendar>().EnsureUpToTodayAsync(stoppingToken);
                if (added > 0)
                {
                    logger.LogInformation("Opened {Added} reporting quarters up to today", added);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database that is down now will be tried again at the next tick; pages still answer.
                logger.LogWarning(ex, "Could not bring the reporting quarters up to today");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
