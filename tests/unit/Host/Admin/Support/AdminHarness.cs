using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Host.Contacts;
using PreferenceUiKit.Host.Sending;

namespace PreferenceUiKit.Host.Tests.Admin.Support;

/// <summary>
/// A bUnit context with the services the admin pages use, all real: the in-memory store, the campaign sender writing
/// .eml files to a temporary pickup folder, the CSV import, the admin texts from their .resx files.
/// Use with <c>await using</c> (MudBlazor's services dispose asynchronously only).
/// </summary>
public sealed class AdminHarness : BunitContext
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;

    public AdminHarness(string culture = "en", DateTimeOffset? now = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        Store = new InMemoryPreferenceStore(Time);
        Rules = new PreferenceRules(Store, Time);
        PickupDirectory = Directory.CreateTempSubdirectory("admin-pickup-").FullName;
        var mail = Options.Create(new MailOptions { PickupDirectory = PickupDirectory, From = "News <news@example.com>" });
        var links = new PreferenceLinkBuilder(
            new PreferenceLinkSigner(new StaticLinkKeyRing(LinkSigningKey.Generate(1)), Time),
            new PreferenceCenterUrls(new Uri("https://mail.example.com")));

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<IPreferenceStore>(Store);
        Services.AddSingleton(new CsvContactImport(Store));
        Services.AddSingleton(new CampaignSender(Store, links, new CampaignMessageFactory(mail), new PickupDirectoryDelivery(mail),
            NullLogger<CampaignSender>.Instance));
    }

    public FakeTimeProvider Time { get; }
    public InMemoryPreferenceStore Store { get; }
    public PreferenceRules Rules { get; }
    public string PickupDirectory { get; }

    /// <summary>The .eml files the sender wrote.</summary>
    public string[] SentMessages() => Directory.GetFiles(PickupDirectory, "*.eml");

    /// <summary>Renders a page below the MudBlazor providers, as the admin layout does.</summary>
    public IRenderedComponent<ContainerFragment> RenderPage<TPage>(IReadOnlyDictionary<string, object?>? parameters = null) where TPage : IComponent
        => Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
                builder.AddAttribute(3, name, value);
            builder.CloseComponent();
        });

    /// <summary>The native input of a MudBlazor switch or checkbox, wherever its data-testid landed.</summary>
    public static AngleSharp.Dom.IElement InputOf(IRenderedComponent<ContainerFragment> page, string testId)
    {
        var element = page.Find($"[data-testid='{testId}']");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input") ?? throw new InvalidOperationException($"{testId} has no input");
    }

    public async Task<SubscriptionGroup> AddGroupAsync(string name, int order, bool optIn = false)
    {
        var group = new SubscriptionGroup { Id = Guid.NewGuid(), Name = name, Order = order, OptIn = optIn };
        await Store.AddGroupAsync(group);
        return group;
    }

    public async Task<Contact> AddContactAsync(string email)
    {
        var contact = new Contact { Id = Guid.NewGuid(), Email = email };
        await Store.AddContactAsync(contact);
        return contact;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUiCulture;
        try { Directory.Delete(PickupDirectory, recursive: true); } catch (IOException) { }
    }
}
