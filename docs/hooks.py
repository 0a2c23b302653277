"""mkdocs hooks that turn ``docs/`` into tflint's site (``mkdocs.yml`` loads this module).

- ``on_config`` builds the navigation from ``mkdocs.yml``'s ``nav``: entries whose page does
  not exist are dropped (guide pages arrive over time and a strict build must not break),
  glob patterns such as ``primer-review*.md`` expand to the pages that match, ``rules/*.md``
  becomes every rule page grouped by family, and other pages the nav does not name are
  added to its "Guides" section (so a new page is never left out).
- ``on_page_markdown`` embeds each rule's complete bad and good samples into its page
  (:func:`tflint.docs.rule_page_markdown`, the text ``python -m tflint explain`` prints) and
  rewrites links that leave ``docs/`` (``../../samples/...``, ``../../tflint/...``), which a
  site cannot serve: a sample link goes to the sample embedded in its rule page, other files
  to ``repo_url`` when one is configured, else the link becomes plain text.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath
from typing import Any

from tflint.docs import all_rules, rule_page_markdown

RULES_PATTERN = "rules/*.md"
_GUIDES = "Guides"

NavItem = Any  # str | dict[str, str | list[NavItem]], as mkdocs' ``nav`` option holds them


# ---------------------------------------------------------------------------------------------
# Navigation


def on_config(config: Any) -> Any:
    """Replace ``config.nav`` by :func:`site_nav` of it."""
    config.nav = site_nav(config.nav or [], Path(config.docs_dir))
    return config


def site_nav(nav: list[NavItem], docs_dir: Path) -> list[NavItem]:
    """``nav`` restricted to pages under ``docs_dir``, with patterns expanded (see module doc)."""
    built = _build(nav, docs_dir)
    named = set(_pages(built))
    unnamed = [
        uri
        for uri in sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
        if uri not in named and not uri.startswith("rules/")
    ]
    guides = next((item for item in built if isinstance(item, dict) and _GUIDES in item), None)
    if guides is None:
        built.extend(unnamed)
    else:
        guides[_GUIDES].extend(unnamed)
        if not guides[_GUIDES]:
            built.remove(guides)
    return built


def _build(items: list[NavItem], docs_dir: Path) -> list[NavItem]:
    built: list[NavItem] = []
    for item in items:
        if isinstance(item, str):
            built.extend(_expand(item, docs_dir))
            continue
        for title, value in item.items():
            if isinstance(value, list):
                children = _build(value, docs_dir)
            elif _is_url(value):
                children = [value]
            else:
                children = _expand(value, docs_dir)
            if not children and title != _GUIDES:  # site_nav may still fill the guides
                continue  # nothing left to show: drop the entry
            if isinstance(value, str) and not _is_pattern(value):
                built.append({title: children[0]})
            else:
                built.append({title: children})
    return built


def _expand(entry: str, docs_dir: Path) -> list[NavItem]:
    """The pages one nav entry stands for: itself if it exists, or the matches of a pattern."""
    if _is_url(entry):
        return [entry]
    if entry == RULES_PATTERN:
        return rules_nav(docs_dir)
    if _is_pattern(entry):
        return [path.relative_to(docs_dir).as_posix() for path in sorted(docs_dir.glob(entry)) if path.is_file()]
    return [entry] if (docs_dir / entry).is_file() else []


def rules_nav(docs_dir: Path) -> list[NavItem]:
    """Every page in ``docs_dir/rules``, titled by symbol, grouped by family in id order."""
    present = {path.stem for path in (docs_dir / "rules").glob("*.md")}
    families: dict[str, list[NavItem]] = {}
    for rule in all_rules():
        if rule.symbol in present:
            families.setdefault(rule.family, []).append({rule.symbol: f"rules/{rule.symbol}.md"})
            present.discard(rule.symbol)
    for symbol in sorted(present):  # a page whose message is gone (or not yet registered)
        families.setdefault("Other rules", []).append({symbol: f"rules/{symbol}.md"})
    return [{family: members} for family, members in families.items()]


def _pages(items: list[NavItem]):
    for item in items:
        if isinstance(item, str):
            yield item
        else:
            for value in item.values():
                yield from _pages(value) if isinstance(value, list) else [value]


def _is_pattern(entry: str) -> bool:
    return any(char in entry for char in "*?[")


def _is_url(entry: str) -> bool:
    return "://" in entry


# ---------------------------------------------------------------------------------------------
# Pages


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:  # pylint: disable=unused-argument
    """Embed a rule page's samples; rewrite every page's links that leave ``docs/``."""
    src = PurePosixPath(page.file.src_uri)
    docs_dir = Path(config.docs_dir)
    repo = docs_dir.parent
    if src.parent == PurePosixPath("rules") and src.suffix == ".md":
        try:
            markdown = rule_page_markdown(src.stem, roots=[repo])
        except KeyError:
            pass  # not a rule page tflint knows: render it as written
    return rewrite_outside_links(markdown, src.as_posix(), docs_dir, config.repo_url)


_LINK = re.compile(r"(?<!!)\[(?P<label>[^\]\n]*)\]\((?P<target>[^)\s]+)\)")
_SAMPLE = re.compile(r"samples/(?P<symbol>[a-z0-9-]+)/(?P<kind>bad|good)\.py")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def rewrite_outside_links(markdown: str, src_uri: str, docs_dir: Path, repo_url: str | None) -> str:
    """``markdown`` of the page ``src_uri`` with relative links that leave ``docs_dir`` rewritten.

    Fenced code is left alone. A link to ``samples/<symbol>/bad.py`` or ``good.py`` points at
    the "Bad example"/"Good example" section of that rule's page; any other file outside the
    docs links to ``repo_url`` (``<repo_url>/blob/HEAD/<path>``) or, without one, loses its link.
    """
    out, fence = [], ""
    for line in markdown.splitlines(keepends=True):
        if fence:
            if _closes(line, fence):
                fence = ""
        elif opening := _FENCE.match(line):
            fence = opening.group(1)
        else:
            line = _LINK.sub(lambda match: _rewrite(match, src_uri, docs_dir, repo_url), line)
        out.append(line)
    return "".join(out)


def _closes(line: str, fence: str) -> bool:
    """Whether ``line`` closes a code block opened by ``fence`` (same character, as long or longer)."""
    text = line.strip()
    return text.startswith(fence) and not text.strip(fence[0])


def _rewrite(match: re.Match, src_uri: str, docs_dir: Path, repo_url: str | None) -> str:
    label, target = match.group("label"), match.group("target")
    if _is_url(target) or target.startswith(("#", "/", "mailto:")):
        return match.group(0)
    path, _, anchor = target.partition("#")
    page_dir = posixpath.dirname(src_uri)
    in_docs = posixpath.normpath(posixpath.join(page_dir, path))
    if not in_docs.startswith("../"):
        return match.group(0)  # inside docs/: mkdocs checks it
    in_repo = posixpath.normpath(posixpath.join(docs_dir.name, in_docs))
    sample = _SAMPLE.fullmatch(in_repo)
    section = _sample_section(docs_dir.parent, sample["symbol"], sample["kind"]) if sample else None
    if section:
        rule_page = f"rules/{sample['symbol']}.md"
        if rule_page == src_uri:
            return f"[{label}]({section})"
        return f"[{label}]({posixpath.relpath(rule_page, page_dir or '.')}{section})"
    if repo_url and not in_repo.startswith("../"):
        return f"[{label}]({repo_url.rstrip('/')}/blob/HEAD/{in_repo}{'#' + anchor if anchor else ''})"
    return label


def _sample_section(repo: Path, symbol: str, kind: str) -> str | None:
    """The anchor of the section that shows ``samples/<symbol>/<kind>.py`` on its rule page."""
    title = "Bad example" if kind == "bad" else "Good example"
    try:
        page = rule_page_markdown(symbol, roots=[repo])
    except KeyError:
        return None
    if re.search(rf"^## {title}\s*$", page, flags=re.MULTILINE):
        return "#" + title.lower().replace(" ", "-")
    return None  # the page shows the sample in its own words, or there is no such sample
