using CapacityAdmin.Domain.Alerts;

namespace CapacityAdmin.Web.Email;

/// <summary>The domain's <see cref="IAlertMessageSender"/>: renders the alert, sends it through the configured provider and reports the answer.</summary>
public sealed class AlertMessageSender(AlertEmailRenderer renderer, IEmailTransport transport, ILogger<AlertMessageSender> logger) : IAlertMessageSender
{
    public async Task<AlertSendResult> SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        var message = await renderer.RenderAsync(email) with { DeliveryId = email.DeliveryId.ToString() };
        var result = await transport.SendAsync(message, cancellationToken);
        if (result.Sent)
        {
            logger.LogDebug("Alert {AlertId} delivery {DeliveryId} sent to {Role} {Address}", email.AlertId, email.DeliveryId, email.RecipientRole, email.ToAddress);
            return AlertSendResult.Sent(result.ProviderMessageId);
        }
        var error = result.Error ?? "The email provider did not accept the message.";
        return result.Retryable ? AlertSendResult.RetryLater(error) : AlertSendResult.Rejected(error);
    }
}
