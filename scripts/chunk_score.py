#!/usr/bin/env python3
"""Scores retrieval chunks against the corpus's gold structure labels.

usage: chunk_score.py [--max-chars N] [--splitter gangmu|langchain|both] [--json]
                      [--min-purity X] [--min-path X] [--min-fill X] [--max-heading-only N]

The corpus is read from GANGMU_CORPUS (default: ../shared/corpus beside the
repository, then tests/corpus): every NAME.txt with its gold/NAME.gold.tsv
(format in GOLD.md). Each chunker gets every document and returns chunks as
code-point spans of the text, with a heading path where it has one.

What is measured, per chunk (figures are shares of all chunks):

- purity: the chunk cuts no section of the gold outline. For every gold section
  it touches, it either lies inside the section or holds all of it. A section
  runs from its heading line to the line before the next heading of the same
  or a shallower depth, a title line or a meta line (document elements such as
  署名 and 成文日期 are outside the outline); it may be entered from the
  heading-only lines just above it (the headings of its parents with no text
  between: a heading is never separated from its first body text).
- leaf purity: every line of the chunk lies under the same deepest heading
  (the measure the issue's figures used; packing sibling sections into one
  chunk lowers it by design, and so does keeping a section whole with its
  subsections).
- part accuracy (gangmu only): each packed part is attributed to the right
  section: the deepest gold section that holds the part is the one whose
  heading is the part's section's heading.
- path: the chunk's heading path names the headings of the deepest gold
  section that holds the chunk (attachments and other documents after the
  first title count as one more level, named by their title). A chunker with
  no heading paths gets credit only for chunks outside every section.
- fill: the chunk has at least a quarter of the budget (max_chars / 4).
- heading-only: every line of the chunk is a heading that stands on its own
  line (no body text after it), e.g. `第一章 总则` alone, and the text under
  the last of them is in other chunks. (heading_lines_only counts chunks of
  standalone heading lines whether or not text under them lies elsewhere:
  it also counts the lists that the labels mark as headings, one item a
  line with nothing under them.)

Rules checked and counted (each should be 0): chunks over the budget, chunks
holding noise lines (site chrome, page numbers, tables of contents), chunks
that end on a standalone heading (a heading cut from its first body text),
regulation articles that fit the budget but are split across chunks, and
promulgation blocks (令 header) in the same chunk as the first chapter.

Exit status 1 when a --min-*/--max-* threshold fails (for the gangmu splitter).
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# A chunk as the scorer sees it: code-point start and end in the text, the
# heading path (None when the chunker has no notion of one), and its parts:
# (start, end, line of the heading of the section the part is or belongs to,
# 0 for the document's own text).
Part = tuple[int, int, int]
Span = tuple[int, int, "list[str] | None", "list[Part] | None"]
Chunker = Callable[[str], Sequence[Span]]

SENTENCE_END = re.compile(r"[。！？；!?;]")
ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+条")
DECREE = re.compile(r"令.{0,12}第\s*[一二三四五六七八九十百千零〇\d]+\s*号")
FIRST_CHAPTER = re.compile(r"^第[一1]章")


def corpus_dir() -> Path:
    """GANGMU_CORPUS, else ../shared/corpus beside the repository, else tests/corpus."""
    env = os.environ.get("GANGMU_CORPUS")
    candidates = (
        [Path(env)] if env else [REPO.parent / "shared" / "corpus", REPO / "tests" / "corpus"]
    )
    for c in candidates:
        if c.is_dir() and any(c.glob("*.txt")):
            return c
    raise SystemExit(
        f"no corpus found (tried {', '.join(map(str, candidates))}); set GANGMU_CORPUS"
    )


def norm(s: str) -> str:
    """Text without white space and markup, for comparing labels with lines."""
    s = re.sub(r"[\s\u3000\u200b*#>`]", "", s)
    return s.rstrip("。．.：:；;，,")


@dataclass
class Section:
    line: int  # 1-based line of the heading (or title)
    end: int  # last line of the section
    entry: int  # first line from which the section may be entered (parents' headings)
    parent: int | None  # index of the parent section
    label: str  # normalised heading text, for path comparison


@dataclass
class Gold:
    lines: list[str]
    labels: dict[int, tuple[str, int | None, str]]
    sections: list[Section] = field(default_factory=list)

    def label(self, line: int) -> str:
        return self.labels.get(line, ("blank", None, ""))[0]


def load_gold(path: Path, text: str) -> Gold:
    labels: dict[int, tuple[str, int | None, str]] = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for row in f:
            parts = [*row.rstrip("\n").split("\t"), "", "", ""]
            labels[int(parts[0])] = (parts[1], int(parts[2]) if parts[2] else None, parts[3])
    gold = Gold(text.split("\n"), labels)
    build_sections(gold)
    return gold


def build_sections(gold: Gold) -> None:
    n = len(gold.lines)
    stack: list[tuple[int, int]] = []  # (depth, section index); depth 0 = a later document
    seen_title = False
    previous = "blank"
    for ln in range(1, n + 1):
        label, depth, _ = gold.labels.get(ln, ("blank", None, ""))
        if label == "blank":
            continue
        if label == "title":
            if previous == "title":
                continue
            # A title closes every section. The first title is the document's; a
            # later one opens an attachment (or another document): one more level.
            while stack:
                gold.sections[stack.pop()[1]].end = last_content(gold, ln - 1)
            if seen_title:
                gold.sections.append(
                    Section(ln, n, entry_line(gold, ln, None), None, norm(title_text(gold, ln)))
                )
                stack.append((0, len(gold.sections) - 1))
            seen_title = True
        elif label == "meta":
            while stack and stack[-1][0] > 0:
                gold.sections[stack.pop()[1]].end = last_content(gold, ln - 1)
        elif label == "heading" and depth is not None:
            while stack and stack[-1][0] >= depth:
                gold.sections[stack.pop()[1]].end = last_content(gold, ln - 1)
            parent = stack[-1][1] if stack else None
            gold.sections.append(
                Section(ln, n, entry_line(gold, ln, parent), parent, norm(heading_text(gold, ln)))
            )
            stack.append((depth, len(gold.sections) - 1))
        previous = label
    for _, i in stack:
        gold.sections[i].end = last_content(gold, n)


def last_content(gold: Gold, ln: int) -> int:
    while ln > 1 and gold.label(ln) in ("blank", "noise"):
        ln -= 1
    return ln


def entry_line(gold: Gold, ln: int, parent: int | None) -> int:
    """Where the section headed at `ln` may be entered: from its parent's entry
    when nothing but the parent's heading (or title block) stands between
    them; for a top-level section, from the title block and document elements
    right above it."""
    k = ln - 1
    while k >= 1 and gold.label(k) == "blank":
        k -= 1
    if parent is not None:
        p = gold.sections[parent]
        between = [x for x in range(p.line, ln) if gold.label(x) != "blank"]
        heading_like = all(gold.label(x) in ("cont", "title", "subtitle") for x in between[1:])
        opens = gold.label(p.line) == "title" or standalone(gold, p.line)
        return p.entry if between and heading_like and opens else ln
    entry = ln
    while k >= 1 and gold.label(k) in ("title", "subtitle", "meta", "cont", "blank"):
        if gold.label(k) != "blank":
            entry = k
        k -= 1
    return entry


def heading_text(gold: Gold, ln: int) -> str:
    text = gold.lines[ln - 1]
    k = ln + 1
    while gold.label(k) == "cont":
        text += gold.lines[k - 1]
        k += 1
    return text


def title_text(gold: Gold, ln: int) -> str:
    text = ""
    while gold.label(ln) == "title":
        text += gold.lines[ln - 1]
        ln += 1
    return text


def heads_more(gold: Gold, ln: int, last: int) -> bool:
    """The section headed at line `ln` has text after line `last`."""
    return any(s.line == ln and s.end > last for s in gold.sections)


def standalone(gold: Gold, ln: int) -> bool:
    """A heading line with no body text after its title (`第一章 总则`, `一、总体要求`)."""
    if gold.label(ln) != "heading":
        return False
    line = norm(gold.lines[ln - 1])
    if ARTICLE.match(line):
        return False  # an article's text runs in after its number
    body = line[:-1]
    return not SENTENCE_END.search(body)


@dataclass
class Tally:
    chunks: int = 0
    pure: int = 0
    leaf_pure: int = 0
    parts: int = 0
    parts_ok: int = 0
    path_ok: int = 0
    filled: int = 0
    heading_only: int = 0
    heading_lines_only: int = 0
    over_budget: int = 0
    with_noise: int = 0
    heading_at_end: int = 0
    split_articles: int = 0
    decree_with_chapter: int = 0
    chars: int = 0
    # (measure, first line, last line, detail) of the chunks that fail a measure.
    failures: list[tuple[str, int, int, str]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)

    def share(self, n: int) -> float:
        return n / self.chunks if self.chunks else 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "chunks": self.chunks,
            "mean_chars": round(self.chars / self.chunks, 1) if self.chunks else 0,
            "purity": round(self.share(self.pure), 4),
            "leaf_purity": round(self.share(self.leaf_pure), 4),
            "part_accuracy": round(self.parts_ok / self.parts, 4) if self.parts else "-",
            "path_accuracy": round(self.share(self.path_ok), 4),
            "fill": round(self.share(self.filled), 4),
            "heading_only": self.heading_only,
            "heading_lines_only": self.heading_lines_only,
            "over_budget": self.over_budget,
            "with_noise": self.with_noise,
            "heading_at_end": self.heading_at_end,
            "split_articles": self.split_articles,
            "decree_with_chapter": self.decree_with_chapter,
        }


def score_document(text: str, gold: Gold, chunks: Sequence[Span], budget: int) -> Tally:
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset)

    t = Tally()
    ranges = []

    def home_of(a: int, b: int) -> int | None:
        """The deepest gold section that holds lines a..b (entered from the headings above it)."""
        found = None
        for i, s in enumerate(gold.sections):
            if s.entry <= a and b <= s.end:
                found = i
        return found

    def leaf(ln: int) -> int | None:
        found = None
        for i, s in enumerate(gold.sections):
            if s.line <= ln <= s.end:
                found = i
        return found

    for start, end, path, parts in chunks:
        if end <= start:
            continue
        t.chunks += 1
        size = end - start
        t.chars += size
        a, b = line_of(start), line_of(end - 1)
        ranges.append((a, b))
        content = [ln for ln in range(a, b + 1) if gold.label(ln) != "blank"]
        t.over_budget += size > budget
        t.filled += size >= budget / 4
        if size < budget / 4:
            t.failures.append(("fill", a, b, text[start:end][:40]))
        t.with_noise += any(gold.label(ln) == "noise" for ln in content)
        lines_only = bool(content) and all(
            standalone(gold, ln) or gold.label(ln) == "cont" for ln in content
        )
        heads = [ln for ln in content if gold.label(ln) == "heading"]
        # Nothing but headings, the text under them in other chunks.
        only = lines_only and bool(heads) and heads_more(gold, heads[-1], b)
        t.heading_only += only
        t.heading_lines_only += lines_only
        last = [ln for ln in content if gold.label(ln) != "cont"]
        # The last line heads a section that goes on after the chunk.
        at_end = (
            bool(last) and standalone(gold, last[-1]) and not only and heads_more(gold, last[-1], b)
        )
        t.heading_at_end += at_end
        for name, failed in (("heading_only", only), ("heading_at_end", at_end)):
            if failed:
                t.failures.append((name, a, b, text[start:end][-40:]))

        pure = True
        home: int | None = None
        for i, s in enumerate(gold.sections):
            if b < s.line or a > s.end:
                continue
            inside = s.entry <= a and b <= s.end
            holds = a <= s.line and s.end <= b
            if inside:
                home = i  # sections are in document order: the last one is the deepest
            elif not holds:
                pure = False
        t.pure += pure
        t.leaf_pure += len({leaf(ln) for ln in content}) <= 1
        for ps, pe, pline in parts or []:
            if pe <= ps:
                continue
            h = home_of(line_of(ps), line_of(pe - 1))
            t.parts += 1
            ok = (gold.sections[h].line if h is not None else 0) == pline
            t.parts_ok += ok
            if not ok:
                t.failures.append(
                    ("part_accuracy", line_of(ps), line_of(pe - 1), f"section at line {pline}")
                )
        if not pure:
            t.failures.append(("purity", a, b, text[start:end][:40]))
        want = []
        while home is not None:
            want.append(gold.sections[home].label)
            home = gold.sections[home].parent
        want.reverse()
        got = [norm(p) for p in path] if path is not None else []
        path_ok = len(got) == len(want) and all(
            g and (w.startswith(g) or g.startswith(w)) for g, w in zip(got, want)
        )
        t.path_ok += path_ok
        if not path_ok and path is not None:
            t.failures.append(
                ("path", a, b, f"got {[p[:12] for p in got]} want {[w[:12] for w in want]}")
            )
        decree = any(
            gold.label(ln) == "meta" and DECREE.search(gold.lines[ln - 1]) for ln in content
        )
        chapter = any(
            gold.label(ln) == "heading" and FIRST_CHAPTER.match(norm(gold.lines[ln - 1]))
            for ln in content
        )
        t.decree_with_chapter += decree and chapter

    for s in gold.sections:
        line = norm(gold.lines[s.line - 1])
        if not ARTICLE.match(line):
            continue
        size = sum(len(gold.lines[ln - 1].strip()) for ln in range(s.line, s.end + 1))
        if size > budget:
            continue
        touching = [r for r in ranges if not (r[1] < s.line or r[0] > s.end)]
        t.split_articles += len(touching) > 1
        if len(touching) > 1:
            t.failures.append(("split_articles", s.line, s.end, line[:30]))
    return t


def gangmu_chunker(max_chars: int) -> Chunker:
    import gangmu

    def run(text: str) -> list[Span]:
        doc = gangmu.parse(text)
        nodes = list(doc.walk())
        out: list[Span] = []
        for c in doc.chunks(max_chars=max_chars):
            # (Releases before 0.2 have no parts: scored on the chunk alone.)
            parts = [
                (p.start, p.end, nodes[p.section_id].line if p.section_id is not None else 0)
                for p in getattr(c, "parts", None) or []
            ] or None
            out.append((c.start, c.end, list(c.heading_path), parts))
        return out

    return run


def langchain_chunker(max_chars: int) -> Chunker:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=max_chars, chunk_overlap=0, add_start_index=True
    )

    def run(text: str) -> list[Span]:
        out: list[Span] = []
        for d in splitter.create_documents([text]):
            start = d.metadata["start_index"]
            out.append((start, start + len(d.page_content), None, None))
        return out

    return run


def score(
    chunker: Chunker, budget: int, root: Path | None = None
) -> tuple[Tally, dict[str, Tally]]:
    root = root or corpus_dir()
    total = Tally()
    per_doc: dict[str, Tally] = {}
    for path in sorted(root.glob("*.txt")):
        gold_path = root / "gold" / f"{path.stem}.gold.tsv"
        if not gold_path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        t = score_document(text, load_gold(gold_path, text), chunker(text), budget)
        per_doc[path.stem] = t
        total.add(t)
    return total, per_doc


def show(name: str, max_chars: int, limit: int) -> None:
    """One line per chunk: id, size, citation, heading path, the first and last
    characters of the text (a short quote, for illustration)."""
    import gangmu

    text = (corpus_dir() / f"{name}.txt").read_text(encoding="utf-8")
    chunks = gangmu.parse(text).chunks(max_chars=max_chars)
    print(f"{name}: {len(chunks)} chunks at max_chars={max_chars}")
    print(f"title={chunks[0].title!r} doc_number={chunks[0].doc_number!r}")
    for c in chunks[:limit]:
        flat = c.text.replace("\n", "⏎")
        quote = flat if len(flat) <= 24 else f"{flat[:12]}…{flat[-8:]}"
        parts = "" if len(c.parts) < 2 else f" parts={[p.citation for p in c.parts]}"
        print(
            f"#{c.id:<3} {c.size:>4}  {c.citation or '—':<14} {' > '.join(c.heading_path) or '—'}"
            f"{parts}  «{quote}»"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-chars", type=int, default=500)
    ap.add_argument("--splitter", choices=["gangmu", "langchain", "both"], default="gangmu")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--worst", type=int, default=0, help="list the N documents with the most unfilled chunks"
    )
    ap.add_argument(
        "--failures",
        metavar="MEASURE",
        help="list the chunks that fail MEASURE (fill, purity, path, ...)",
    )
    ap.add_argument(
        "--show", metavar="NAME", help="print the chunks of corpus document NAME and exit"
    )
    ap.add_argument("--limit", type=int, default=12, help="chunks printed by --show")
    ap.add_argument("--min-purity", type=float)
    ap.add_argument("--min-path", type=float)
    ap.add_argument("--min-fill", type=float)
    ap.add_argument("--max-heading-only", type=int)
    args = ap.parse_args(argv)

    if args.show:
        show(args.show, args.max_chars, args.limit)
        return 0
    splitters = ["gangmu", "langchain"] if args.splitter == "both" else [args.splitter]
    results = {}
    failed = False
    for name in splitters:
        make = gangmu_chunker if name == "gangmu" else langchain_chunker
        total, per_doc = score(make(args.max_chars), args.max_chars)
        results[name] = total.summary()
        if args.failures:
            for doc, t in per_doc.items():
                for measure, a, b, detail in t.failures:
                    if measure == args.failures:
                        print(f"{name} {doc}:{a}-{b} {detail!r}", file=sys.stderr)
        if args.worst:
            worst = sorted(per_doc.items(), key=lambda kv: kv[1].filled - kv[1].chunks)[
                : args.worst
            ]
            results[name]["worst"] = {k: v.summary() for k, v in worst}  # type: ignore[assignment]
        if name == "gangmu":
            s = total.summary()
            checks = [
                (args.min_purity, s["purity"], ">="),
                (args.min_path, s["path_accuracy"], ">="),
                (args.min_fill, s["fill"], ">="),
                (args.max_heading_only, s["heading_only"], "<="),
            ]
            for limit, value, op in checks:
                if limit is not None and not (value >= limit if op == ">=" else value <= limit):
                    failed = True
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        keys = list(next(iter(results.values())).keys())
        keys = [k for k in keys if k != "worst"]
        print(f"max_chars={args.max_chars}, corpus={corpus_dir()}")
        print(f"{'measure':<22}" + "".join(f"{n:>12}" for n in results))
        for k in keys:
            print(f"{k:<22}" + "".join(f"{results[n][k]:>12}" for n in results))
        for n, r in results.items():
            for doc, s in r.get("worst", {}).items():  # type: ignore[union-attr]
                print(f"  {n} {doc}: {s}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
