using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Linting;
using PreferenceUiKit.EditorPlugin.Localization;
using PreferenceUiKit.EditorPlugin.SpecialLinks;

namespace PreferenceUiKit.EditorPlugin;

/// <summary>
/// The email template editor: a GrapesJS drag-and-drop builder with the <em>Special links &gt; Unsubscribe</em> menu
/// (rule S13), or a raw-HTML editor for rich-media templates (rule S12), with the template linter's findings beside
/// the canvas (rule B7). It needs an interactive render mode (<c>@rendermode InteractiveServer</c>); use one per page.
/// </summary>
/// <remarks>
/// Template text travels from the browser as a stream (<see cref="IJSStreamReference"/>), never as a return value, so a
/// large template cannot hit the 32 KB message limit of Blazor Server.
/// </remarks>
public partial class EmailTemplateEditor : ComponentBase, IAsyncDisposable
{
    /// <summary>Where the component's JavaScript module is served.</summary>
    public const string ModulePath = "./_content/PreferenceUiKit.EditorPlugin/EmailTemplateEditor.razor.js";

    private enum EditorState { Loading, Ready, Failed }

    private readonly string _rawId = "pu-raw-" + Guid.NewGuid().ToString("N")[..8];
    private IJSObjectReference? _module;
    private IJSObjectReference? _handle;
    private DotNetObjectReference<EmailTemplateEditor>? _selfReference;
    private ElementReference _designerHost;
    private ElementReference _rawArea;
    private TemplateKind _kind;
    private EditorState _state = EditorState.Loading;
    private bool _starting;
    private bool _busy;
    private bool _disposed;
    private int _designerKey;
    private int _rawKey;
    private string? _designerProjectData;
    private string? _designerHtml;
    private string _rawInitial = "";
    private LintReport? _report;
    private int _lintVersion;
    private bool? _sentGroupsConfigured;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Info;
    private string? _noticeTestId;

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;

    /// <summary>The builder's project data (JSON from an earlier save) to start from; wins over <see cref="Html"/>.</summary>
    [Parameter] public string? ProjectData { get; set; }

    /// <summary>HTML to start from: the raw template, or what the builder imports when there is no project data.</summary>
    [Parameter] public string? Html { get; set; }

    /// <summary>How the template is written at first; the designer can switch.</summary>
    [Parameter] public TemplateKind Kind { get; set; }

    /// <summary>Raised when the designer switches between drag-and-drop and raw HTML.</summary>
    [Parameter] public EventCallback<TemplateKind> KindChanged { get; set; }

    /// <summary>The provider's Email Preference Center setting (rule S1), for the linter.</summary>
    [Parameter] public PreferenceCenterMode PreferenceCenter { get; set; } = PreferenceCenterMode.System;

    /// <summary>
    /// Whether at least one subscription group exists. While false, the <em>Email Preference Center</em> entry is refused
    /// with an explanation (rule S9) and the linter reports the tag.
    /// </summary>
    [Parameter] public bool GroupsConfigured { get; set; }

    /// <summary>The special links to offer; default: the registered catalog, else <see cref="SpecialLinkCatalog.CreateDefault"/>.</summary>
    [Parameter] public SpecialLinkCatalog? Catalog { get; set; }

    /// <summary>The language of the editor's texts; default: the current UI culture (English, French, Spanish, Hindi).</summary>
    [Parameter] public CultureInfo? Culture { get; set; }

    /// <summary>Raised by the Save button with the HTML, the project data and the linter's findings.</summary>
    [Parameter] public EventCallback<EmailTemplateSnapshot> OnSave { get; set; }

    /// <summary>Raised by the Export HTML button with the inlined HTML.</summary>
    [Parameter] public EventCallback<string> OnExport { get; set; }

    /// <summary>Largest template, in UTF-8 bytes, read from the browser (default 6 MiB).</summary>
    [Parameter] public long MaxTemplateBytes { get; set; } = 3L * TemplateLinter.MaxTemplateLength;

    /// <summary>Height of the canvas (CSS length).</summary>
    [Parameter] public string Height { get; set; } = "640px";

    /// <summary>Attributes for the root element.</summary>
    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    /// <summary>The latest findings of the linter, or null before the first check.</summary>
    public LintReport? LintReport => _report;

    /// <summary>How the template is written now.</summary>
    public TemplateKind CurrentKind => _kind;

    /// <summary>Whether the editor is ready to export and save.</summary>
    public bool IsReady => _state == EditorState.Ready && _handle is not null && !_busy;

    private LintContext LintContext => new(PreferenceCenter, GroupsConfigured);

    private CultureInfo UiCulture => Culture ?? CultureInfo.CurrentUICulture;

    private SpecialLinkCatalog ActiveCatalog => Catalog ?? Services.GetService<SpecialLinkCatalog>() ?? (_defaultCatalog ??= SpecialLinkCatalog.CreateDefault());
    private SpecialLinkCatalog? _defaultCatalog;

    private string StateName => _state.ToString().ToLowerInvariant();

    private string T(LocalizedText text) => text.For(UiCulture);

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        _kind = Kind;
        _designerProjectData = ProjectData;
        _designerHtml = Html;
        _rawInitial = Html ?? "";
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed) return;
        if (_handle is null && !_starting && _state != EditorState.Failed)
        {
            await StartAsync();
            return;
        }
        if (_handle is not null && _kind == TemplateKind.DragAndDrop && _sentGroupsConfigured != GroupsConfigured)
        {
            _sentGroupsConfigured = GroupsConfigured;
            await CallAsync(h => h.InvokeVoidAsync("update", GroupsConfigured, BuildBlocks()));
        }
        if (_report is not null && _lintedWith != LintContext)
            await RefreshLintAsync();
    }

    private LintContext? _lintedWith;

    private async Task StartAsync()
    {
        _starting = true;
        _state = EditorState.Loading;
        var kind = _kind;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (_disposed) return;
            _selfReference ??= DotNetObjectReference.Create(this);
            IJSObjectReference handle;
            if (kind == TemplateKind.DragAndDrop)
            {
                handle = await _module.InvokeAsync<IJSObjectReference>("createEditor", _designerHost, _selfReference, BuildOptions());
                _sentGroupsConfigured = GroupsConfigured;
            }
            else
            {
                handle = await _module.InvokeAsync<IJSObjectReference>("attachRawEditor", _rawArea, _selfReference);
            }
            if (_disposed || kind != _kind)
            {
                await DestroyAsync(handle);
                return;
            }
            _handle = handle;
            _state = EditorState.Ready;
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        catch (Exception e) when (e is JSException or TaskCanceledException)
        {
            // The builder's scripts failed to load or start (or took longer than the interop timeout).
            _state = EditorState.Failed;
            ShowNotice(T(EditorTexts.LoadFailed), Severity.Error, "editor-error");
        }
        finally
        {
            _starting = false;
        }
        if (_disposed) return;
        StateHasChanged();
        if (_handle is not null) await RefreshLintAsync();
    }

    private EditorOptions BuildOptions() => new(
        ProjectData: _designerProjectData,
        Html: _designerHtml,
        GroupsConfigured: GroupsConfigured,
        Categories: ActiveCatalog.Categories.Select(c => new EditorCategory(c.Id, c.Label.For(UiCulture))).ToList(),
        Links: ActiveCatalog.Select(l => new EditorLink(l.Id, l.Tag, l.Category.Id, l.Label.For(UiCulture), l.RequiresSubscriptionGroups)).ToList(),
        Blocks: BuildBlocks(),
        Texts: new EditorPluginTexts(T(EditorTexts.SpecialLinks), T(EditorTexts.SpecialLinkTrait), T(EditorTexts.NoSpecialLink)));

    /// <summary>The blocks that carry the special links, built from the catalog for the current group state.</summary>
    internal IReadOnlyList<EditorBlock> BuildBlocks() => SpecialLinkBlocks.Build(ActiveCatalog, GroupsConfigured, UiCulture);

    /// <summary>Reads the template's HTML (styles inlined, merge tags unchanged) from the browser.</summary>
    /// <exception cref="InvalidOperationException">The editor is not ready.</exception>
    public async Task<string> ExportHtmlAsync(CancellationToken cancellationToken = default)
    {
        var handle = _handle ?? throw new InvalidOperationException("The editor is not ready.");
        return await ReadTextAsync(handle, "exportHtml", cancellationToken);
    }

    /// <summary>Reads the builder's project data (JSON), or null in raw-HTML mode.</summary>
    /// <exception cref="InvalidOperationException">The editor is not ready.</exception>
    public async Task<string?> GetProjectDataAsync(CancellationToken cancellationToken = default)
    {
        var handle = _handle ?? throw new InvalidOperationException("The editor is not ready.");
        if (_kind != TemplateKind.DragAndDrop) return null;
        return await ReadTextAsync(handle, "getProjectData", cancellationToken);
    }

    /// <summary>Replaces the builder's content with project data saved earlier.</summary>
    /// <exception cref="InvalidOperationException">The editor is not ready or is in raw-HTML mode.</exception>
    public async Task LoadProjectDataAsync(string projectData)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectData);
        var handle = _handle ?? throw new InvalidOperationException("The editor is not ready.");
        if (_kind != TemplateKind.DragAndDrop) throw new InvalidOperationException("Project data needs the drag-and-drop editor.");
        await handle.InvokeVoidAsync("loadProjectData", projectData);
        await RefreshLintAsync();
    }

    private async Task<string> ReadTextAsync(IJSObjectReference handle, string method, CancellationToken cancellationToken)
    {
        var reference = await handle.InvokeAsync<IJSStreamReference>(method, cancellationToken);
        await using (reference)
        {
            await using var stream = await reference.OpenReadStreamAsync(MaxTemplateBytes, cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken);
        }
    }

    /// <summary>Called by the browser when the template changed (debounced): checks it again.</summary>
    [JSInvokable]
    public Task OnTemplateChanged() => InvokeAsync(RefreshLintAsync);

    /// <summary>Called by the browser when the designer picked an entry that cannot be used now (rule S9).</summary>
    [JSInvokable]
    public Task OnSpecialLinkRefused(string linkId) => InvokeAsync(() =>
    {
        var link = ActiveCatalog.FindById(linkId);
        ShowNotice(link?.RefusalWithoutGroups?.For(UiCulture) ?? T(EditorTexts.SelectTextFirst), Severity.Warning, "special-link-refusal");
        StateHasChanged();
    });

    /// <summary>Called by the browser when a special link was picked with no text selected.</summary>
    [JSInvokable]
    public Task OnSelectionNeeded(string linkId) => InvokeAsync(() =>
    {
        ShowNotice(T(EditorTexts.SelectTextFirst), Severity.Info, "special-link-hint");
        StateHasChanged();
    });

    private async Task RefreshLintAsync()
    {
        if (_handle is null || _disposed) return;
        var version = ++_lintVersion;
        var context = LintContext;
        string html;
        try
        {
            html = await ReadTextAsync(_handle, "currentHtml", CancellationToken.None);
        }
        catch (JSDisconnectedException) { return; }
        catch (Exception e) when (e is JSException or IOException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            // A template over MaxTemplateBytes or a builder error: say so rather than show stale findings.
            ShowNotice(T(EditorTexts.ExportFailed), Severity.Error, "editor-error");
            StateHasChanged();
            return;
        }
        if (version != _lintVersion || _disposed) return;
        _report = TemplateLinter.Lint(html, context);
        _lintedWith = context;
        StateHasChanged();
    }

    private async Task SwitchKindAsync(TemplateKind kind)
    {
        if (kind == _kind || _busy) return;
        _busy = true;
        try
        {
            string? html = null;
            if (_handle is not null)
            {
                try { html = await ExportHtmlAsync(); }
                catch (JSException) { }
                await DestroyAsync(_handle);
                _handle = null;
            }
            _kind = kind;
            if (kind == TemplateKind.RawHtml)
            {
                _rawInitial = html ?? _rawInitial;
                _rawKey++;
            }
            else
            {
                _designerProjectData = null;
                _designerHtml = html ?? _designerHtml;
                _designerKey++;
            }
            _state = EditorState.Loading;
            _notice = null;
        }
        finally
        {
            _busy = false;
        }
        await KindChanged.InvokeAsync(kind);
        // OnAfterRender starts the editor of the new kind.
    }

    private async Task InsertRawLinkAsync(SpecialLink link)
    {
        if (!link.IsAvailable(GroupsConfigured))
        {
            await OnSpecialLinkRefused(link.Id);
            return;
        }
        _notice = null;
        await CallAsync(h => h.InvokeVoidAsync("insertLink", link.Tag, SpecialLinkBlocks.Encode(link.LinkText.For(UiCulture))));
        await RefreshLintAsync();
    }

    private async Task ExportAsync()
    {
        if (!IsReady) return;
        var html = await TryExportAsync();
        if (html is null) return;
        await OnExport.InvokeAsync(html);
    }

    private async Task SaveAsync()
    {
        if (!IsReady) return;
        var html = await TryExportAsync();
        if (html is null) return;
        string? projectData = null;
        if (_kind == TemplateKind.DragAndDrop)
        {
            try { projectData = await GetProjectDataAsync(); }
            catch (JSException) { ShowNotice(T(EditorTexts.ExportFailed), Severity.Error, "editor-error"); return; }
        }
        _report = TemplateLinter.Lint(html, LintContext);
        _lintedWith = LintContext;
        await OnSave.InvokeAsync(new EmailTemplateSnapshot(_kind, html, projectData, _report));
        ShowNotice(T(EditorTexts.Saved), Severity.Success, "editor-saved");
    }

    private async Task<string?> TryExportAsync()
    {
        try
        {
            return await ExportHtmlAsync();
        }
        catch (Exception e) when (e is JSException or IOException or ArgumentOutOfRangeException)
        {
            ShowNotice(T(EditorTexts.ExportFailed), Severity.Error, "editor-error");
            return null;
        }
    }

    private void ShowNotice(string text, Severity severity, string testId)
    {
        _notice = text;
        _noticeSeverity = severity;
        _noticeTestId = testId;
    }

    private async Task CallAsync(Func<IJSObjectReference, ValueTask> call)
    {
        if (_handle is null) return;
        try { await call(_handle); }
        catch (JSDisconnectedException) { }
    }

    private static async Task DestroyAsync(IJSObjectReference handle)
    {
        try
        {
            await handle.InvokeVoidAsync("destroy");
            await handle.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's editor with it.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_handle is { } handle)
        {
            _handle = null;
            await DestroyAsync(handle);
        }
        if (_module is { } module)
        {
            try { await module.DisposeAsync(); }
            catch (JSDisconnectedException) { }
        }
        _selfReference?.Dispose();
        GC.SuppressFinalize(this);
    }
}
