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

    [Fact]
    public void ANewParagraphIsOnlyItsWordsAndAnAddedBlankLineIsNoChange()
    {
        var added = Assert.Single(WordDiff.Compare("Første.", "Første.\n\nAnden."));
        Assert.Equal([(WordChange.Added, "Anden.")], added.Runs.Select(r => (r.Change, r.Text)));

        var removed = Assert.Single(WordDiff.Compare("Første.\n\nAnden.", "Første."));
        Assert.Equal([(WordChange.Removed, "Anden.")], removed.Runs.Select(r => (r.Change, r.Text)));

        Assert.Empty(WordDiff.Compare("Første.\n\nAnden.", "Første.\n\n\nAnden."));
        Assert.Empty(WordDiff.Compare("Første.\r\n\r\nAnden.", "Første.\n\nAnden."));
    }

    [Fact]
    public void WhiteSpaceThatChangesTheMarkdownIsAChange()
    {
        // Four spaces make a code block of a paragraph.
        Assert.Single(WordDiff.Compare("Første.\n\nkode", "Første.\n\n    kode"));
    }

    [Fact]
    public void AnInlineDiffGivesTheRunsInOrderWithNothingEmpty()
    {
        Assert.Equal([(WordChange.Removed, "mod"), (WordChange.Added, "tillid")], WordDiff.Inline("mod", "tillid").Select(r => (r.Change, r.Text)));
        Assert.Equal([(WordChange.Same, "Vi"), (WordChange.Removed, "  "), (WordChange.Added, " "), (WordChange.Same, "tør.")],
            WordDiff.Inline("Vi  tør.", "Vi tør.").Select(r => (r.Change, r.Text)));
    }
}
