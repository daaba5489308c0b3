using CapacityAdmin.Domain.Alerts;

namespace CapacityAdmin.Web.Email;

/// <summary>The domain's <see cref="IAlertMessageSender"/>: renders the alert and sends it through the configured provider (throws on failure).</summary>
public sealed class AlertMessageSender(AlertEmailRenderer renderer, IEmailTransport transport, ILogger<AlertMessageSender> logger) : IAlertMessageSender
{
    public async Task SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        var message = await renderer.RenderAsync(email);
        await transport.SendAsync(message, cancellationToken);
        logger.LogDebug("Alert {AlertId} delivery {DeliveryId} sent to {Role} {Address}", email.AlertId, email.DeliveryId, email.RecipientRole, email.ToAddress);
    }
}
