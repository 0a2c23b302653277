"""The documentation site: a real ``mkdocs build --strict`` of mkdocs.yml, and its hook's parts."""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import subprocess

import pytest
from conftest import DOCS, PYTHON, REPO, SAMPLES

from tflint.docs import rules

SYMBOLS = [symbol for _, symbol, _ in rules()]
SAMPLED = [symbol for symbol in SYMBOLS if (SAMPLES / symbol / "bad.py").is_file()]


def mkdocs_build(config, site_dir) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``config`` into ``site_dir`` in a subprocess."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # mkdocs-material's banner is noise here
    return subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site built from the repository's mkdocs.yml."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO / "mkdocs.yml", site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


def article(page) -> str:
    """The main content of a built page, as HTML."""
    text = page.read_text(encoding="utf-8")
    return text[text.index("<article") : text.index("</article>")]


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_strict_build_passes_without_warnings(site):
    assert (site / "index.html").is_file()


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_every_rule_has_a_page_with_every_section(site, symbol):
    page = site / "rules" / symbol / "index.html"
    assert page.is_file()
    headings = [visible_text(h).rstrip("#").strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", article(page))]
    source = (DOCS / "rules" / f"{symbol}.md").read_text(encoding="utf-8")
    for heading in re.findall(r"^## (.+?)\s*$", source, flags=re.MULTILINE):
        assert heading in headings


def test_index_lists_every_live_rule_with_its_id_and_link(site):
    rows = re.findall(r"<tr>(.*?)</tr>", article(site / "index.html"), flags=re.DOTALL)
    cells = [re.findall(r"<td>(.*?)</td>", row, flags=re.DOTALL) for row in rows]
    listed = {visible_text(row[0]): (row[0], visible_text(row[1])) for row in cells if len(row) >= 2}
    for msgid, symbol, _summary in rules():
        assert symbol in listed, f"{symbol} missing from the index"
        link, code = listed[symbol]
        assert code == msgid
        assert f'href="rules/{symbol}/"' in link
    assert len(listed) == len(SYMBOLS)


@pytest.mark.parametrize("symbol", SAMPLED)
def test_rule_page_shows_its_bad_and_good_sample(site, symbol):
    text = visible_text(article(site / "rules" / symbol / "index.html"))
    bad_part = text.split("Bad example", 1)[1].split("Good example", 1)[0]
    good_part = text.split("Good example", 1)[1]
    for sample, part in (("bad.py", bad_part), ("good.py", good_part)):
        for line in (SAMPLES / symbol / sample).read_text(encoding="utf-8").splitlines():
            assert line.rstrip() in part, f"{sample} line missing from the page: {line!r}"


def test_links_out_of_docs_point_at_the_embedded_samples(site):
    page = article(site / "rules" / "tf-print-in-graph" / "index.html")
    links = re.findall(r'<a href="([^"]*)"[^>]*><code>samples/[^<]*</code></a>', page)
    assert links, "the References list links the samples"
    assert set(links) <= {"#bad-example", "#good-example"}
    assert 'id="bad-example"' in page and 'id="good-example"' in page
    for built in site.rglob("*.html"):
        hrefs = re.findall(r'href="([^"]+)"', built.read_text(encoding="utf-8"))
        assert not [href for href in hrefs if href.endswith(".py") or "samples/" in href], built


def test_every_docs_page_is_built_and_in_the_navigation(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    for page in DOCS.rglob("*.md"):
        uri = page.relative_to(DOCS).with_suffix("").as_posix()
        if uri == "index":
            continue
        assert (site / uri / "index.html").is_file(), uri
        assert f'href="{uri}/"' in home, f"{uri} is not in the navigation"


def test_build_survives_missing_guide_pages_and_adds_unlisted_ones(tmp_path):
    """Guide pages arrive over time: the nav must drop absent ones and pick up new ones."""
    repo = tmp_path / "repo"
    shutil.copytree(DOCS / "stylesheets", repo / "docs" / "stylesheets")
    shutil.copy(DOCS / "hooks.py", repo / "docs" / "hooks.py")
    shutil.copy(REPO / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(SAMPLES / "tf-print-in-graph", repo / "samples" / "tf-print-in-graph")
    shutil.copytree(DOCS / "rules", repo / "docs" / "rules")  # rule pages link each other
    (repo / "docs" / "index.md").write_text("# Home\n\n[print](rules/tf-print-in-graph.md)\n", encoding="utf-8")
    (repo / "docs" / "brand-new-guide.md").write_text(
        "# Brand new\n\nSee [`bad.py`](../samples/tf-print-in-graph/bad.py) and [the tests](../tests/test_site.py).\n",
        encoding="utf-8",
    )
    result = mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    new = article(tmp_path / "site" / "brand-new-guide" / "index.html")
    assert 'href="../rules/tf-print-in-graph/#bad-example"' in new
    assert "the tests" in new and "test_site.py" not in new  # no repo_url: plain text
    assert 'href="brand-new-guide/"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


# --- the hook's parts -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hooks():
    spec = importlib.util.spec_from_file_location("tflint_docs_hooks", DOCS / "hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_pages(docs, *uris):
    for uri in uris:
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(f"# {uri}\n", encoding="utf-8")


def test_nav_drops_missing_pages_and_empty_sections(hooks, tmp_path):
    write_pages(tmp_path, "index.md", "ci.md")
    nav = [
        {"Home": "index.md"},
        {"Guides": [{"CI": "ci.md"}, {"Editors": "editors.md"}]},
        {"Primer": ["primer.md", "primer-review*.md"]},
        {"GitHub": "https://github.com/"},
    ]
    assert hooks.site_nav(nav, tmp_path) == [
        {"Home": "index.md"},
        {"Guides": [{"CI": "ci.md"}]},
        {"GitHub": "https://github.com/"},
    ]


def test_nav_expands_patterns_and_adds_unlisted_pages_to_the_guides(hooks, tmp_path):
    write_pages(tmp_path, "index.md", "primer-review-b.md", "primer-review.md", "zeta.md", "more/deep.md")
    nav = [{"Home": "index.md"}, {"Guides": ["ci.md"]}, {"Reviews": "primer-review*.md"}]
    assert hooks.site_nav(nav, tmp_path) == [
        {"Home": "index.md"},
        {"Guides": ["more/deep.md", "zeta.md"]},
        {"Reviews": ["primer-review-b.md", "primer-review.md"]},
    ]


def test_rules_pattern_groups_rule_pages_by_family_in_id_order(hooks, tmp_path):
    write_pages(
        tmp_path,
        "rules/tf-v1-session.md",
        "rules/tf-print-in-graph.md",
        "rules/tf-trace-time-value.md",
        "rules/tf-made-up.md",
    )
    nav = hooks.site_nav([{"Rules": "rules/*.md"}], tmp_path)
    families = nav[0]["Rules"]
    flat = [
        (family, symbol)
        for group in families
        for family, members in group.items()
        for member in members
        for symbol in member
    ]
    assert flat == [
        ("Python side effects at trace time", "tf-print-in-graph"),
        ("Python side effects at trace time", "tf-trace-time-value"),
        ("TensorFlow 1 leftovers", "tf-v1-session"),
        ("Other rules", "tf-made-up"),
    ]


@pytest.mark.parametrize(
    ("src", "markdown", "repo_url", "expected"),
    [
        ("rules/tf-a.md", "[`bad`](../../samples/tf-a/bad.py)", None, "[`bad`](#bad-example)"),
        ("rules/tf-a.md", "[good](../../samples/tf-b/good.py)", None, "[good](tf-b.md#good-example)"),
        ("guide.md", "[s](../samples/tf-b/bad.py)", None, "[s](rules/tf-b.md#bad-example)"),
        ("rules/tf-a.md", "[`x.py`](../../tflint/x.py)", None, "`x.py`"),
        (
            "rules/tf-a.md",
            "[`x.py`](../../tflint/x.py#L3)",
            "https://example.org/t/",
            "[`x.py`](https://example.org/t/blob/HEAD/tflint/x.py#L3)",
        ),
        (
            "rules/tf-a.md",
            "[ok](tf-b.md) [web](https://x.org/a.py) [top](#top)",
            None,
            "[ok](tf-b.md) [web](https://x.org/a.py) [top](#top)",
        ),
        (
            "rules/tf-a.md",
            "```python\nlayers[0](../../x.py)\n```\n[y](../../y.py)",
            None,
            "```python\nlayers[0](../../x.py)\n```\ny",
        ),
        ("rules/tf-a.md", "[no page](../../samples/tf-zz/bad.py)", None, "no page"),
        ("rules/tf-a.md", "[no sample](../../samples/tf-c/bad.py)", None, "no sample"),
        ("rules/tf-a.md", "[good](../../samples/tf-c/good.py)", None, "[good](tf-c.md#good-example)"),
    ],
)
def test_links_leaving_docs_are_rewritten(hooks, tmp_path, src, markdown, repo_url, expected):
    write_pages(tmp_path / "docs", "rules/tf-a.md", "rules/tf-b.md", "rules/tf-c.md")
    write_pages(tmp_path / "samples", "tf-a/bad.py", "tf-a/good.py", "tf-b/bad.py", "tf-b/good.py", "tf-c/good.py")
    assert hooks.rewrite_outside_links(markdown, src, tmp_path / "docs", repo_url) == expected
