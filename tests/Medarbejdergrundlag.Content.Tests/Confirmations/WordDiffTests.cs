using Medarbejdergrundlag.Content.Confirmations;

namespace Medarbejdergrundlag.Content.Tests.Confirmations;

public sealed class WordDiffTests
{
    [Fact]
    public void AChangedParagraphShowsExactlyTheWordsAddedAndRemoved()
    {
        var older = "Første afsnit står uændret.\n\nVi viser mod hver dag.\n\nSidste afsnit står også.";
        var newer = "Første afsnit står uændret.\n\nVi viser stort mod hver eneste uge.\n\nSidste afsnit står også.";

        var paragraph = Assert.Single(WordDiff.Compare(older, newer));

        Assert.Equal(["stort", "eneste", "uge"], paragraph.Runs.Where(r => r.Change == WordChange.Added).Select(r => r.Text.Trim()));
        Assert.Equal(["dag"], paragraph.Runs.Where(r => r.Change == WordChange.Removed).Select(r => r.Text));
        Assert.Equal("Vi viser stort mod hver eneste uge.", string.Concat(paragraph.Runs.Where(r => r.Change != WordChange.Removed).Select(r => r.Text)));
    }

    [Fact]
    public void UnchangedTextHasNoDiffAndANewItemIsAllAdded()
    {
        Assert.Empty(WordDiff.Compare("Samme tekst.", "Samme tekst."));

        var fields = WordDiff.Compare(null, new RevisionText("Mod", "Lyst til **mod**", "Tekst.", ""));
        Assert.Equal(["Titel", "Indledning", "Tekst"], fields.Select(f => f.Field));
        Assert.All(fields.SelectMany(f => f.Paragraphs).SelectMany(p => p.Runs), r => Assert.Equal(WordChange.Added, r.Change));
    }
}
