using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor.Services;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Linting;
using PreferenceUiKit.Core.MergeTags;
using PreferenceUiKit.EditorPlugin.Localization;
using PreferenceUiKit.EditorPlugin.SpecialLinks;

namespace PreferenceUiKit.EditorPlugin.Tests;

/// <summary>The C# side of &lt;EmailTemplateEditor&gt;, with its JavaScript module emulated by bUnit.</summary>
public sealed class EmailTemplateEditorTests : BunitContext, IAsyncLifetime
{
    private const string WithoutUnsubscribe = "<p>Hello</p>";
    private static readonly string WithGroupLink = $"<p>Bye. <a href=\"{MergeTagNames.GroupUnsubscribe}\">Unsubscribe</a></p>";

    private readonly BunitJSModuleInterop _module;
    private readonly BunitJSModuleInterop _designer;
    private readonly BunitJSModuleInterop _raw;

    public EmailTemplateEditorTests()
    {
        // MudBlazor's own interop is not under test.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        _module = JSInterop.SetupModule(EmailTemplateEditor.ModulePath);
        _designer = _module.SetupModule("createEditor", _ => true);
        _raw = _module.SetupModule("attachRawEditor", _ => true);
        SetBrowserHtml(_designer, WithoutUnsubscribe);
        SetBrowserHtml(_raw, WithoutUnsubscribe);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private static void SetBrowserHtml(BunitJSModuleInterop handle, string html)
    {
        handle.Setup<IJSStreamReference>("exportHtml", _ => true).SetResult(new TextStream(html));
        handle.Setup<IJSStreamReference>("currentHtml", _ => true).SetResult(new TextStream(html));
    }

    private IRenderedComponent<EmailTemplateEditor> RenderEditor(
        Action<ComponentParameterCollectionBuilder<EmailTemplateEditor>>? extra = null, bool groups = true, string language = "en")
        => Render<EmailTemplateEditor>(ps =>
        {
            ps.Add(p => p.Culture, CultureInfo.GetCultureInfo(language));
            ps.Add(p => p.GroupsConfigured, groups);
            extra?.Invoke(ps);
        });

    [Fact]
    public void The_builder_starts_with_the_catalog_the_blocks_and_the_group_state()
    {
        var cut = RenderEditor(ps => ps.Add(p => p.Html, "<p>start</p>"), groups: false);

        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=email-template-editor]").GetAttribute("data-editor-state")));
        var start = Assert.Single(_module.Invocations["createEditor"]);
        var options = Assert.IsType<EditorOptions>(start.Arguments[2]);
        Assert.Equal("<p>start</p>", options.Html);
        Assert.False(options.GroupsConfigured);
        Assert.Equal([MergeTagNames.ManagePreferences, MergeTagNames.GroupUnsubscribe], options.Links.Select(l => l.Tag));
        Assert.True(options.Links.Single(l => l.Id == "manage-preferences").RequiresGroups);
        Assert.Equal("Unsubscribe", Assert.Single(options.Categories).Label);
        Assert.Equal(["unsubscribe-footer"], options.Blocks.Select(b => b.Id));
        Assert.Equal("Special links", options.Texts.SpecialLinks);
    }

    [Fact]
    public void The_linter_findings_show_beside_the_canvas()
    {
        var cut = RenderEditor();

        cut.WaitForAssertion(() => Assert.Equal(LintCodes.NoUnsubscribeLink, cut.Find("[data-testid=lint-finding]").GetAttribute("data-code")));
        Assert.Contains("The template has no unsubscribe link", cut.Find("[data-testid=lint-finding]").TextContent);
        Assert.Contains("line 1, column 1", cut.Find("[data-testid=lint-finding]").TextContent);
    }

    [Fact]
    public void A_change_in_the_browser_checks_the_template_again()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=lint-finding]")));

        SetBrowserHtml(_designer, WithGroupLink);
        cut.InvokeAsync(() => cut.Instance.OnTemplateChanged());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=lint-ok]")));
        Assert.Empty(cut.FindAll("[data-testid=lint-finding]"));
    }

    [Theory]
    [InlineData("en", "needs at least one subscription group")]
    [InlineData("fr", "nécessite au moins un groupe d'abonnement")]
    [InlineData("es", "necesita al menos un grupo de suscripción")]
    [InlineData("hi", "कम से कम एक सदस्यता समूह")]
    public void S9_a_refused_preference_center_link_is_explained_in_the_designers_language(string language, string expected)
    {
        var cut = RenderEditor(groups: false, language: language);
        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=email-template-editor]").GetAttribute("data-editor-state")));

        cut.InvokeAsync(() => cut.Instance.OnSpecialLinkRefused("manage-preferences"));

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=special-link-refusal]").TextContent));
    }

    [Fact]
    public void Export_reads_the_template_as_a_stream_larger_than_a_SignalR_message()
    {
        var big = "<p>" + new string('x', 200_000) + $"</p><a href=\"{MergeTagNames.GroupUnsubscribe}\">Unsubscribe</a>";
        SetBrowserHtml(_designer, big);
        string? exported = null;
        var cut = RenderEditor(ps => ps.Add(p => p.OnExport, html => exported = html));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=export-html]").HasAttribute("disabled")));

        cut.Find("[data-testid=export-html]").Click();

        cut.WaitForAssertion(() => Assert.Equal(big, exported));
    }

    [Fact]
    public void Save_hands_over_html_project_data_and_the_linters_verdict()
    {
        _designer.Setup<IJSStreamReference>("getProjectData", _ => true).SetResult(new TextStream("{\"pages\":[]}"));
        EmailTemplateSnapshot? saved = null;
        var cut = RenderEditor(ps => ps.Add(p => p.OnSave, s => saved = s), groups: false);
        SetBrowserHtml(_designer, $"<a href=\"{MergeTagNames.ManagePreferences}\">Prefs</a>");
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=save-template]").HasAttribute("disabled")));

        cut.Find("[data-testid=save-template]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(TemplateKind.DragAndDrop, saved!.Kind);
        Assert.Equal("{\"pages\":[]}", saved.ProjectData);
        Assert.Contains(MergeTagNames.ManagePreferences, saved.Html);
        Assert.Contains(saved.Lint.Errors, f => f.Code == LintCodes.ManageLinkWithoutGroups);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=editor-saved]")));
    }

    [Fact]
    public void Groups_appearing_later_reach_the_builder_with_the_blocks_that_need_them()
    {
        var cut = RenderEditor(groups: false);
        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=email-template-editor]").GetAttribute("data-editor-state")));

        cut.Render(ps => ps.Add(p => p.GroupsConfigured, true));

        cut.WaitForAssertion(() => Assert.Single(_designer.Invocations["update"]));
        var update = _designer.Invocations["update"][0];
        Assert.Equal(true, update.Arguments[0]);
        var blocks = Assert.IsAssignableFrom<IReadOnlyList<EditorBlock>>(update.Arguments[1]);
        Assert.Equal(["unsubscribe-footer", "manage-preferences-line"], blocks.Select(b => b.Id));
    }

    [Fact]
    public async Task Disposing_destroys_the_builder()
    {
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=email-template-editor]").GetAttribute("data-editor-state")));

        await cut.InvokeAsync(async () => await cut.Instance.DisposeAsync());

        Assert.Single(_designer.Invocations["destroy"]);
    }

    [Fact]
    public async Task Disposing_after_the_circuit_is_gone_does_not_throw()
    {
        _designer.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));
        var cut = RenderEditor();
        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=email-template-editor]").GetAttribute("data-editor-state")));

        await cut.InvokeAsync(async () => await cut.Instance.DisposeAsync());

        Assert.Single(_designer.Invocations["destroy"]);
    }

    [Fact]
    public void A_builder_that_fails_to_start_says_so()
    {
        _module.AddInvocationHandler(new FailingStart());
        var cut = RenderEditor();

        cut.WaitForAssertion(() => Assert.Equal("failed", cut.Find("[data-testid=email-template-editor]").GetAttribute("data-editor-state")));
        Assert.Contains("The editor could not start", cut.Find("[data-testid=editor-error]").TextContent);
    }

    [Fact]
    public void S12_raw_html_mode_uses_the_same_linter_and_inserts_special_links()
    {
        SetBrowserHtml(_raw, $"<a href=\"{MergeTagNames.ManagePreferences}\">x</a>");
        _raw.SetupVoid("insertLink", _ => true).SetVoidResult();
        var cut = RenderEditor(ps => ps.Add(p => p.Kind, TemplateKind.RawHtml)
            .Add(p => p.Html, $"<a href=\"{MergeTagNames.ManagePreferences}\">x</a>"), groups: false);

        cut.WaitForAssertion(() => Assert.Equal(LintCodes.ManageLinkWithoutGroups, cut.Find("[data-testid=lint-finding]").GetAttribute("data-code")));
        Assert.Empty(_module.Invocations["createEditor"]);
        Assert.Equal($"<a href=\"{MergeTagNames.ManagePreferences}\">x</a>", cut.Find("[data-testid=raw-html]").GetAttribute("value"));

        cut.Find("[data-testid=raw-insert-manage-preferences]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=special-link-refusal]")));
        Assert.Empty(_raw.Invocations["insertLink"]);

        cut.Find("[data-testid=raw-insert-group-unsubscribe]").Click();
        cut.WaitForAssertion(() => Assert.Single(_raw.Invocations["insertLink"]));
        Assert.Equal(MergeTagNames.GroupUnsubscribe, _raw.Invocations["insertLink"][0].Arguments[0]);
        Assert.Equal("Unsubscribe", _raw.Invocations["insertLink"][0].Arguments[1]);
    }

    [Fact]
    public void Switching_to_raw_html_carries_the_builders_html_and_destroys_the_builder()
    {
        SetBrowserHtml(_designer, WithGroupLink);
        TemplateKind? kind = null;
        var cut = RenderEditor(ps => ps.Add(p => p.KindChanged, k => kind = k));
        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=email-template-editor]").GetAttribute("data-editor-state")));

        cut.Find("[data-testid=kind-raw-html]").Click();

        cut.WaitForAssertion(() => Assert.Single(_module.Invocations["attachRawEditor"]));
        Assert.Single(_designer.Invocations["destroy"]);
        Assert.Equal(TemplateKind.RawHtml, kind);
        Assert.Equal(WithGroupLink, cut.Find("[data-testid=raw-html]").GetAttribute("value"));
    }

    [Fact]
    public void A_catalog_registered_by_the_host_is_the_one_offered()
    {
        Services.AddEmailTemplateEditor(c => c.Add(new SpecialLink("view-online", "*|WEB_VERSION|*",
            new SpecialLinkCategory("web", LocalizedText.Invariant("Web")),
            LocalizedText.Invariant("View in browser"), LocalizedText.Invariant("View online"))));
        var cut = RenderEditor();

        cut.WaitForAssertion(() => Assert.Single(_module.Invocations["createEditor"]));
        var options = Assert.IsType<EditorOptions>(_module.Invocations["createEditor"][0].Arguments[2]);
        Assert.Contains(options.Links, l => l.Tag == "*|WEB_VERSION|*" && l.Category == "web");
        Assert.Equal(["unsubscribe", "web"], options.Categories.Select(c => c.Id));
    }

    /// <summary>A builder whose script cannot load.</summary>
    private sealed class FailingStart : JSRuntimeInvocationHandlerBase<IJSObjectReference>
    {
        public FailingStart() : base(i => i.Identifier == "createEditor", isCatchAllHandler: false)
            => SetExceptionBase(new JSException("grapes.mjs could not be loaded"));
    }

    /// <summary>What the browser module hands back: UTF-8 text behind an <see cref="IJSStreamReference"/>.</summary>
    private sealed class TextStream(string text) : IJSStreamReference
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public long Length => _bytes.Length;

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            if (_bytes.Length > maxAllowedSize) throw new ArgumentOutOfRangeException(nameof(maxAllowedSize));
            return ValueTask.FromResult<Stream>(new MemoryStream(_bytes, writable: false));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
