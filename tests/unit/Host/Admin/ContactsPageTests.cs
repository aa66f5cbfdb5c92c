using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using PreferenceUiKit.Host.Admin.Pages;
using PreferenceUiKit.Host.Tests.Admin.Support;

namespace PreferenceUiKit.Host.Tests.Admin;

public class ContactsPageTests
{
    [Fact]
    public async Task A_csv_import_reports_rejected_lines_with_their_numbers_and_imports_the_rest()
    {
        await using var admin = new AdminHarness();
        await admin.AddContactAsync("known@example.com");
        var page = admin.RenderPage<ContactsPage>();

        const string csv = "email,locale\nada@example.com,en\nnot-an-email,fr\nKNOWN@example.com,\njeanne@example.com,fr\nlucia@example.com,es es\n";
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "contacts.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=import-imported]").TextContent));
        Assert.Equal("1", page.Find("[data-testid=import-duplicates]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=import-rejected-count]").TextContent);
        var rejected = page.FindAll("[data-testid=import-rejected-row]");
        Assert.Equal(["3", "6"], rejected.Select(r => r.GetAttribute("data-line")));
        Assert.Contains("This is not a valid email address.", rejected[0].TextContent);
        Assert.Contains("This is not a language tag", rejected[1].TextContent);
        Assert.Equal(3, (await admin.Store.ListContactsAsync(null, 0, 10)).Total);
        page.WaitForAssertion(() => Assert.Equal(
            ["ada@example.com", "jeanne@example.com", "known@example.com"],
            page.FindAll("[data-testid=contact-row-email]").Select(td => td.TextContent.Trim())));
    }

    [Fact]
    public async Task A_file_without_an_email_header_is_refused_with_a_clear_message()
    {
        await using var admin = new AdminHarness("es");
        var page = admin.RenderPage<ContactsPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("name\nAda\n", "contacts.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => Assert.Equal(
            "El archivo necesita una línea de encabezado con una columna email (y opcionalmente locale).",
            page.Find("[data-testid=import-error]").TextContent.Trim()));
        Assert.Equal(0, (await admin.Store.ListContactsAsync(null, 0, 10)).Total);
    }

    [Fact]
    public async Task Adding_a_bad_address_shows_the_error_next_to_the_email_field()
    {
        await using var admin = new AdminHarness();
        var page = admin.RenderPage<ContactsPage>();

        page.Find("input[data-testid=contact-email]").Input("ada@@example");
        page.Find("button[data-testid=contact-add]").Click();

        Assert.Contains("This is not a valid email address.", page.Find("input[data-testid=contact-email]").Closest(".mud-input-control")!.TextContent);
        Assert.Equal(0, (await admin.Store.ListContactsAsync(null, 0, 10)).Total);
    }

    [Fact]
    public async Task Search_narrows_the_list()
    {
        await using var admin = new AdminHarness();
        await admin.AddContactAsync("ada@example.com");
        await admin.AddContactAsync("priya@example.org");
        var page = admin.RenderPage<ContactsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=contact-row-email]").Count));

        page.Find("input[data-testid=contacts-search]").Input("example.org");

        page.WaitForAssertion(() => Assert.Equal(["priya@example.org"], page.FindAll("[data-testid=contact-row-email]").Select(td => td.TextContent.Trim())));
    }
}
