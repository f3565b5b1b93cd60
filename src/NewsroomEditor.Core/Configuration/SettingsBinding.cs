using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsroomEditor.Core.Configuration;

/// <summary>
/// How every feature reads its settings: <c>AddOptions&lt;T&gt;().BindSettings(section, …)</c>, a
/// validator, <c>ValidateOnStart()</c>. A wrong value is an <see cref="OptionsValidationException"/>
/// whose failure is the one line the host prints (<see cref="StartupConfigurationException.Describe"/>).
/// </summary>
public static class SettingsBinding
{
    /// <summary>
    /// <c>Bind(section)</c>, except that a value the binder cannot convert ("two days" for a number)
    /// fails with <paramref name="notConvertible"/>, naming the setting, instead of the binder's
    /// exception with its type names.
    /// </summary>
    public static OptionsBuilder<T> BindSettings<T>(this OptionsBuilder<T> options, IConfigurationSection section, string notConvertible)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(section);
        options.Services.AddSingleton<IOptionsChangeTokenSource<T>>(new ConfigurationChangeTokenSource<T>(options.Name, section));
        return options.Configure(value =>
        {
            try
            {
                section.Bind(value);
            }
            catch (InvalidOperationException)
            {
                throw new OptionsValidationException(options.Name, typeof(T), [notConvertible]);
            }
        });
    }

    /// <summary>Validates with <paramref name="problem"/>: null when the value is right, else the message naming the setting.</summary>
    public static OptionsBuilder<T> Check<T>(this OptionsBuilder<T> options, Func<T, string?> problem)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problem);
        options.Services.AddSingleton<IValidateOptions<T>>(new ProblemValidation<T>(options.Name, problem));
        return options;
    }

    /// <summary>
    /// Checks every setting registered with <c>ValidateOnStart</c> now, as the host would when it
    /// starts, so that a wrong one stops start-up before the database is touched.
    /// </summary>
    /// <exception cref="StartupConfigurationException">A setting is wrong; the message names every wrong one.</exception>
    public static void CheckSettings(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception e) when (e is not StartupConfigurationException && StartupConfigurationException.Describe(e) is { } reason)
        {
            throw new StartupConfigurationException(reason);
        }
    }

    private sealed class ProblemValidation<T>(string? name, Func<T, string?> problem) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options)
        {
            if (name is not null && name != optionsName)
                return ValidateOptionsResult.Skip;
            return problem(options) is { } message ? ValidateOptionsResult.Fail(message) : ValidateOptionsResult.Success;
        }
    }
}
