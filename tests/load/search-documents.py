"""Adds N generated sections to the Phønix page in a backup file, as a new published revision.

Each h2 section of the Phønix page is one search document (SiteSearchDocuments), so N sections
give N more documents, built by the app itself from published content at its next snapshot. The
words are drawn from the portal's own published text, so the index sees Danish words with the
spread of the real content. The Phønix page itself (/phoenix) grows large; the benchmark does not
request it. Usage: search-documents.py BACKUP.json N
"""
import json, random, re, sys, html

path, count = sys.argv[1], int(sys.argv[2])
backup = json.load(open(path, encoding="utf-8"))
random.seed(20261122)

def published(item):
    return next(r for r in item["revisions"] if r["number"] == item["publishedRevision"])

words = sorted({w for item in backup["items"] if item["publishedRevision"] is not None
                for w in re.findall(r"[A-Za-zÆØÅæøå]{3,}", published(item)["plainText"])})
phoenix = next(i for i in backup["items"] if i["kind"] == "PhoenixPage")
base = published(phoenix)

markdown, rendered, plain = [], [], []
for n in range(1, count + 1):
    title = f"Emne {n}: " + " ".join(random.sample(words, 3))
    text = " ".join(random.choice(words) for _ in range(random.randint(40, 120))) + "."
    markdown.append(f"## {title}\n\n{text}\n")
    rendered.append(f'<h2 id="emne-{n}">{html.escape(title)}</h2>\n<p>{html.escape(text)}</p>\n')
    plain.append(f"{title}\n{text}")

revision = dict(base)
revision.update(
    number=max(r["number"] for r in phoenix["revisions"]) + 1,
    bodyMarkdown=base["bodyMarkdown"] + "\n\n" + "\n".join(markdown),
    bodyHtml=base["bodyHtml"] + "\n" + "".join(rendered),
    plainText=base["plainText"] + "\n" + "\n".join(plain),
    changeNote=f"{count} genererede afsnit til belastningstesten",
    createdBy="tests/load/run.sh",
)
phoenix["revisions"].append(revision)
phoenix["publishedRevision"] = phoenix["currentRevision"] = revision["number"]
phoenix["version"] += 1
json.dump(backup, open(path, "w", encoding="utf-8"), ensure_ascii=False)
print(f"{count} search documents added ({len(words)} distinct words)")
