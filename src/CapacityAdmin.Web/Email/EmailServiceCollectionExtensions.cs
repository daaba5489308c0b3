using CapacityAdmin.Domain.Alerts;
using CapacityAdmin.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CapacityAdmin.Web.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Email</c> options (validated at start), the three transports, the one chosen by <c>Email:Provider</c> as
    /// <see cref="IEmailTransport"/>, the alert templates, <see cref="IAlertMessageSender"/> and <see cref="TestEmailService"/>.
    /// </summary>
    public static IServiceCollection AddCapacityEmail(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.SectionName))
            .PostConfigure(options =>
            {
                options.PickupDirectory = string.IsNullOrWhiteSpace(options.PickupDirectory)
                    ? Path.Combine(paths.DataDirectory, "mail")
                    : Path.GetFullPath(options.PickupDirectory, paths.DataDirectory);
                if (string.IsNullOrWhiteSpace(options.LinkBaseUrl))
                    options.LinkBaseUrl = configuration["App:PublicBaseUrl"] is { Length: > 0 } publicUrl ? publicUrl
                        : configuration["App:BaseUrl"] is { Length: > 0 } appUrl ? appUrl : EmailOptions.DefaultLinkBaseUrl;
                options.LinkBaseUrl = options.LinkBaseUrl.Trim();
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddTransient<PickupEmailTransport>();
        services.AddTransient<SmtpEmailTransport>();
        services.AddHttpClient(SendGridEmailTransport.HttpClientName, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SendGrid.TimeoutSeconds));
        services.AddTransient<SendGridEmailTransport>();
        services.AddTransient<IEmailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Provider switch
        {
            EmailProvider.Smtp => sp.GetRequiredService<SmtpEmailTransport>(),
            EmailProvider.SendGrid => sp.GetRequiredService<SendGridEmailTransport>(),
            _ => sp.GetRequiredService<PickupEmailTransport>(),
        });

        services.AddSingleton<AlertEmailRenderer>();
        services.AddTransient<IAlertMessageSender, AlertMessageSender>();
        services.AddTransient<TestEmailService>();
        return services;
    }
}
