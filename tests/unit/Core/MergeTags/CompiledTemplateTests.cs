using System.Buffers;
using System.Text;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.Core.Tests.MergeTags;

public class CompiledTemplateTests
{
    public static TheoryData<string> Templates => new() { "newsletter.html", "receipt.html", "digest.html" };

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Templates", name), Encoding.UTF8);

    private static readonly RecipientLinks Links = new(
        "https://mail.example.com/email/preferences/AQEBaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "https://mail.example.com/email/unsubscribe/AgEBbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

    [Theory]
    [MemberData(nameof(Templates))]
    public void S12_rendering_a_real_sized_email_changes_only_the_tags(string name)
    {
        var html = Read(name);
        Assert.True(html.Length > 20_000);

        var output = CompiledTemplate.Compile(html).Render(Links);

        // Walk both texts: every difference must be exactly a tag in the input and its URL in the output.
        int i = 0, o = 0, replaced = 0;
        while (i < html.Length)
        {
            if (html[i] == output[o]) { i++; o++; continue; }
            var tag = MergeTagNames.All.Single(t => html.AsSpan(i).StartsWith(t.Tag));
            var url = Links.UrlOf(tag.Kind)!;
            Assert.Equal(url, output.Substring(o, url.Length));
            i += tag.Tag.Length;
            o += url.Length;
            replaced++;
        }
        Assert.Equal(output.Length, o);
        Assert.Equal(html.Split("*|CT_MANAGE_PREFERENCES|*").Length - 1 + html.Split("*|CT_GROUP_UNSUBSCRIBE|*").Length - 1, replaced);
        Assert.DoesNotContain("*|CT_MANAGE_PREFERENCES|*", output);
        Assert.Contains("*|FNAME|*", output);
    }

    [Fact]
    public void S12_the_seed_example_becomes_a_link_to_the_recipients_page()
    {
        var template = CompiledTemplate.Compile("<a href=\"*|CT_MANAGE_PREFERENCES|*\">Manage My Preferences</a>");

        Assert.Equal($"<a href=\"{Links.ManagePreferencesUrl}\">Manage My Preferences</a>", template.Render(Links));
        Assert.True(template.Uses(LinkKind.ManagePreferences));
        Assert.False(template.Uses(LinkKind.GroupUnsubscribe));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no tags at all")]
    [InlineData("*|CT_")]
    [InlineData("*|CT_MANAGE_PREFERENCES|")]
    [InlineData("*|CT_*|CT_*|CT_MANAGE")]
    [InlineData("ends with *")]
    public void Text_without_complete_tags_is_copied_unchanged(string text)
        => Assert.Equal(text, CompiledTemplate.Compile(text).Render(Links));

    [Fact]
    public void Adjacent_and_edge_tags_are_all_replaced()
    {
        var t = CompiledTemplate.Compile("*|CT_GROUP_UNSUBSCRIBE|**|CT_MANAGE_PREFERENCES|*x*|CT_GROUP_UNSUBSCRIBE|*");
        Assert.Equal(Links.GroupUnsubscribeUrl + Links.ManagePreferencesUrl + "x" + Links.GroupUnsubscribeUrl, t.Render(Links));
    }

    [Fact]
    public void Rendering_into_a_reused_buffer_gives_the_same_text_for_each_recipient()
    {
        var template = CompiledTemplate.Compile(Read("newsletter.html"));
        var buffer = new ArrayBufferWriter<char>();
        var writer = new StringWriter();
        for (var r = 0; r < 3; r++)
        {
            var links = new RecipientLinks($"https://x.example/p/{r}", $"https://x.example/u/{r}");
            buffer.ResetWrittenCount();
            template.RenderTo(buffer, links);
            writer.GetStringBuilder().Clear();
            template.RenderTo(writer, links);
            Assert.Equal(template.Render(links), new string(buffer.WrittenSpan));
            Assert.Equal(template.Render(links), writer.ToString());
            Assert.Contains($"https://x.example/u/{r}", writer.ToString());
        }
    }

    [Fact]
    public void S1_a_used_tag_without_a_url_is_a_clear_error()
    {
        var template = CompiledTemplate.Compile("<a href=\"*|CT_MANAGE_PREFERENCES|*\">x</a>");
        var ex = Assert.Throws<MissingLinkException>(() => template.Render(new RecipientLinks(null, "u")));
        Assert.Equal(LinkKind.ManagePreferences, ex.Kind);
        Assert.Equal("<a>", CompiledTemplate.Compile("<a>").Render(default));
    }
}
