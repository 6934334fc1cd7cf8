"""Rule files: reading TOML into entities and claims, and validating them with `path:line:column` errors.

Every error of every file is collected, so that one run shows them all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from factcheck.claims import Claim, Example, KeySpec, RuleSet
from factcheck.inputs.article import search
from factcheck.inputs.files import loads_toml, read_regular
from factcheck.kinds import built_in_claims, registry
from factcheck.readers.names import Entity
from factcheck.rules.locate import Locator, pattern_fault
from factcheck.rules.values import did_you_mean, frozen, invalid_patterns, type_error

CLAIM_KEYS = {
    "id": KeySpec("string", "the claim's id, unique across all rule files; reports and tools refer to it", True),
    "kind": KeySpec("string", "the claim kind: " + ", ".join(sorted(registry())), True),
    "title": KeySpec("string", "a short human title for reports (default: the id)"),
    "description": KeySpec("string", "what the claim is about, for rule authors"),
    "examples": KeySpec("strings", "examples run as tests: tables of text, published, and value or expect",
                        default=()),
}
ENTITY_KEYS = {
    "kind": KeySpec("string", "person, place, organisation or thing (a train, a ship, a building)", default="person"),
    "name": KeySpec("string", "the canonical name", required=True),
    "variants": KeySpec("strings", "other accepted spellings, including the short form (surname)", default=()),
    "aliases": KeySpec("strings", "descriptions that refer to it (Valdoran Chancellor, the chancellor)", default=()),
    "distinct": KeySpec("strings", "similar names of others, never a misspelling of this one", default=()),
    "misspellings": KeySpec("strings", "misspellings an editor already knows, flagged however far they are from the "
                                       "name", default=()),
}
EXAMPLE_KEYS = {"text", "published", "value", "expect"}
TOP_KEYS = {"entities", "claims"}
ENTITY_KINDS = ("person", "place", "organisation", "thing")


@dataclass(frozen=True, slots=True)
class RuleError:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class RulesInvalid(Exception):
    def __init__(self, errors: list[RuleError]):
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


def _examples(raw: Any, path: str, locate: Locator, line: int, errors: list[RuleError],
              label: str) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        errors.append(RuleError(path, *locate.key("examples", line), f"{label}: examples must be a list of tables"))
        return ()
    if not raw:
        return ()  # not looked for in the text: a search to the end of the file for each claim that has none
    examples = []
    where = locate.key("examples", line)
    for number, item in enumerate(raw, 1):
        if isinstance(item, dict) and isinstance(item.get("text"), str) and item["text"].strip():
            # The example's own line: where its text stands (TOML escapes aside, its first words do), searched after
            # the previous example's, so two examples with the same text get their own lines.
            words = item["text"].strip()[:30].replace('"', '\\"')
            where = locate.find_text(words, where[0] - (1 if number == 1 else 0))
        if not isinstance(item, dict):
            errors.append(RuleError(path, *where, f"{label}: example {number} must be a table"))
            continue
        for key in sorted(set(item) - EXAMPLE_KEYS):
            errors.append(RuleError(path, *where, f"{label}: example {number}: unknown key '{key}'"
                                    f"{did_you_mean(key, EXAMPLE_KEYS)}"))
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            errors.append(RuleError(path, *where, f"{label}: example {number}: 'text' is required"))
            continue
        try:
            published = dt.date.fromisoformat(str(item.get("published", "")))
        except ValueError:
            errors.append(RuleError(path, *where, f"{label}: example {number}: 'published' must be a date YYYY-MM-DD"))
            continue
        if ("value" in item) == (item.get("expect") == "nothing"):
            errors.append(RuleError(path, *where, f"{label}: example {number}: give either 'value' or "
                                                  f"expect = \"nothing\""))
            continue
        value = item.get("value")
        if value is not None and not (isinstance(value, str) or (isinstance(value, list)
                                                                  and all(isinstance(v, str) for v in value))):
            errors.append(RuleError(path, *where, f"{label}: example {number}: 'value' must be a string as reports "
                                                  f"write it "
                                                  f"(\"2023-03-14\", \">1340\") or a list of names, not "
                                                  f"{type(value).__name__}"))
            continue
        examples.append(Example(item["text"], published, tuple(value) if isinstance(value, list) else value, where[0]))
    return tuple(examples)


# A line that opens a claim, [[claims]]: a claim's line in error messages and reports.
_CLAIMS_HEADER = regex.compile(r"^\s*\[\[\s*claims\s*\]\]")


def _load_file(path: Path, entities: dict[str, Entity], entity_sources: dict[str, str],
               claims: list[_Pending], errors: list[RuleError], placeholders: dict[str, Entity]) -> Locator:
    """Entities of one file into `entities`, its claims (checked later, once all entities are known) into `claims`."""
    name = str(path)
    try:
        text = read_regular(path).decode("utf-8-sig")
        data = loads_toml(text)
    except UnicodeDecodeError as error:
        errors.append(RuleError(name, 1, 1, f"not UTF-8 text ({error.reason})"))
        return Locator("")
    except OSError as error:
        errors.append(RuleError(name, 1, 1, f"cannot be read: {error.strerror or error}"))
        return Locator("")
    except tomllib.TOMLDecodeError as error:
        where = regex.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(where[1]), int(where[2])) if where else (1, 1)
        reason = regex.sub(r" \(at line.*", "", str(error))
        errors.append(RuleError(name, line, column, f"TOML syntax: {reason}"))
        return Locator(text)
    locate = Locator(text)
    for key in sorted(set(data) - TOP_KEYS):
        errors.append(RuleError(name, *locate.find(rf"^\s*\[*\s*{regex.escape(key)}\b"),
                                f"unknown top-level key '{key}'{did_you_mean(key, TOP_KEYS)}"))
    raw_entities = data.get("entities", {})
    if not isinstance(raw_entities, dict):
        errors.append(RuleError(name, *locate.find(r"^\s*entities\s*="), "entities must be tables [entities.ID]"))
        raw_entities = {}
    for entity_id, raw in raw_entities.items():
        # [entities.ID], or ID = { ... } under [entities], or entities.ID = { ... }
        line, column = locate.entity(entity_id)
        if not isinstance(raw, dict):
            errors.append(RuleError(name, line, column, f"entity '{entity_id}' must be a table"))
            continue
        if entity_id in entity_sources:
            errors.append(RuleError(name, line, column, f"entity '{entity_id}' is already defined in "
                                                        f"{entity_sources[entity_id]}"))
            continue
        ok = True
        for key in sorted(set(raw) - set(ENTITY_KEYS)):
            errors.append(RuleError(name, *locate.key(key, line), f"entity '{entity_id}': unknown key '{key}'"
                                                                  f"{did_you_mean(key, ENTITY_KEYS)}"))
            ok = False
        for key, spec in ENTITY_KEYS.items():
            if key not in raw:
                if spec.required:
                    errors.append(RuleError(name, line, column, f"entity '{entity_id}': '{key}' is required"))
                    ok = False
                continue
            if (problem := type_error(raw[key], spec, {})) is not None:
                errors.append(RuleError(name, *locate.key(key, line), f"entity '{entity_id}': '{key}': {problem}"))
                ok = False
        if ok and raw.get("kind", "person") not in ENTITY_KINDS:
            errors.append(RuleError(name, *locate.key("kind", line), f"entity '{entity_id}': kind must be one of "
                                                                     f"{', '.join(ENTITY_KINDS)}"))
            ok = False
        if not ok:
            # Still known by its id, so that the claims using it do not report it missing as well.
            entity_sources[entity_id] = name
            placeholders[entity_id] = Entity(entity_id, "person", str(raw.get("name", entity_id)))
        if ok:
            entities[entity_id] = Entity(entity_id, raw.get("kind", "person"), raw["name"],
                                         tuple(raw.get("variants", ())), tuple(raw.get("aliases", ())),
                                         tuple(raw.get("distinct", ())), tuple(raw.get("misspellings", ())))
            entity_sources[entity_id] = name
    raw_claims = data.get("claims", [])
    if not isinstance(raw_claims, list):
        errors.append(RuleError(name, *locate.find(r"^\s*claims\s*="), "claims must be an array of tables [[claims]]"))
        return locate
    headers = [number for number, line in enumerate(locate.lines) if _CLAIMS_HEADER.match(line)]
    for position, raw in enumerate(raw_claims):
        line = headers[position] + 1 if position < len(headers) else 1
        claims.append(_Pending(name, line, raw))
    return locate


@dataclass(frozen=True, slots=True)
class _Pending:
    """A claim as read, waiting for the entities of every file before it is checked."""

    path: str
    line: int
    raw: Any


def _build_claim(pending: _Pending, entities: dict[str, Entity], seen: dict[str, str],
                 errors: list[RuleError], locators: dict[str, Locator]) -> Claim | None:
    path, line, raw = pending.path, pending.line, pending.raw
    locate = locators[path]
    if not isinstance(raw, dict):
        errors.append(RuleError(path, line, 1, "a claim must be a table"))
        return None
    kinds = registry()
    ok = True
    claim_id = raw.get("id")
    label = f"claim '{claim_id}'" if isinstance(claim_id, str) else "claim"
    for key in ("id", "kind"):
        if key not in raw:
            errors.append(RuleError(path, line, 1, f"{label}: '{key}' is required"))
            ok = False
        elif not isinstance(raw[key], str):
            errors.append(RuleError(path, *locate.key(key, line), f"{label}: '{key}' must be a string"))
            ok = False
    if not ok:
        return None
    claim_id = str(raw["id"])
    built_in = next((c for c in built_in_claims() if c.id == claim_id), None)
    if built_in is not None:
        errors.append(RuleError(path, *locate.key("id", line), f"claim id '{claim_id}' is reserved for the built-in "
                                                               f"{built_in.title}; choose another"))
        return None
    if claim_id in seen:
        errors.append(RuleError(path, *locate.key("id", line), f"duplicate claim id '{claim_id}' "
                                                               f"(first defined at {seen[claim_id]})"))
        return None
    seen[claim_id] = f"{path}:{line}"
    kind = kinds.get(raw["kind"])
    if kind is None:
        errors.append(RuleError(path, *locate.key("kind", line), f"{label}: unknown kind '{raw['kind']}'"
                                f"{did_you_mean(raw['kind'], kinds)}; known: {', '.join(sorted(kinds))}"))
        return None
    allowed = {**CLAIM_KEYS, **kind.keys}
    misspelt: set[str] = set()
    for key in sorted(set(raw) - set(allowed)):
        suggestion = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
        misspelt.update(suggestion)
        errors.append(RuleError(path, *locate.key(key, line), f"{label}: unknown key '{key}' for kind "
                                                              f"{kind.name}{did_you_mean(key, allowed)}"))
        ok = False
    options: dict[str, Any] = {}
    for key, spec in kind.keys.items():
        if key not in raw:
            needed = spec.required or (spec.required_unless is not None and spec.required_unless not in raw)
            if needed and key not in misspelt:  # a misspelt key is one mistake, reported once
                unless = f" (or '{spec.required_unless}')" if spec.required_unless else ""
                errors.append(RuleError(path, line, 1, f"{label}: '{key}'{unless} is required for kind {kind.name}: "
                                                       f"{spec.help}"))
                ok = False
            options[key] = spec.default
            continue
        problem = type_error(raw[key], spec, entities)
        where = locate.key(key, line)
        if problem is not None:
            errors.append(RuleError(path, *where, f"{label}: '{key}': {problem}"))
            ok = False
        elif key == "cues" or (key == "counted" and "unit" in raw):  # with a unit, what a sum is, as patterns
            for pattern, message, position in invalid_patterns(raw[key]):
                errors.append(RuleError(path, *pattern_fault(locate, pattern, position, where[0]),
                                        f"{label}: '{key}': {message}"))
                ok = False
        options[key] = frozen(raw[key])
    if "title" in raw and not isinstance(raw["title"], str):
        errors.append(RuleError(path, *locate.key("title", line), f"{label}: 'title' must be a string"))
        ok = False
    examples = _examples(raw.get("examples", []), path, locate, line, errors, label)
    if not ok:
        return None
    return Claim(claim_id, kind.name, str(raw.get("title") or claim_id), path, line, MappingProxyType(options),
                 examples)


def rule_files(directory: Path) -> tuple[list[Path], list[RuleError]]:
    """The rule files of a folder and its subfolders (linked ones followed once, as a corpus folder's are), and an
    error for each subfolder that cannot be read: its rules would be lost without a word."""
    found, skipped = search(directory, (".toml",))
    unread = [RuleError(s.path, 1, 1, s.reason) for s in skipped if s.reason.startswith("folder cannot be read")
              and not any(part.startswith(".") for part in Path(s.path).relative_to(directory).parts)]  # (.cache)
    return found, unread


def validate(directory: Path) -> tuple[RuleSet | None, list[RuleError]]:
    """Every rule file of a directory read and checked: the rule set if all is well, and every error found."""
    name = str(directory)
    if not directory.exists():
        return None, [RuleError(name, 1, 1, "no such rules directory")]
    files, unread = rule_files(directory) if directory.is_dir() else ([directory], [])
    if unread:
        return None, unread
    if not files:
        return None, [RuleError(name, 1, 1, "no rule files (*.toml) in this directory")]
    return validate_files(files, name)


def validate_files(files: list[Path], name: str) -> tuple[RuleSet | None, list[RuleError]]:
    """Rule files read and checked together; `name` stands for them in an error that is about none in particular."""
    errors: list[RuleError] = []
    entities: dict[str, Entity] = {}
    entity_sources: dict[str, str] = {}
    pending: list[_Pending] = []
    locators: dict[str, Locator] = {}
    placeholders: dict[str, Entity] = {}
    for path in files:
        locators[str(path)] = _load_file(path, entities, entity_sources, pending, errors, placeholders)
    seen: dict[str, str] = {}
    known = {**placeholders, **entities}
    claims = [c for p in pending if (c := _build_claim(p, known, seen, errors, locators)) is not None]
    if not claims and not errors:
        errors.append(RuleError(name, 1, 1, "the rule files define no claims ([[claims]])"))
    if errors:
        return None, sorted(errors, key=lambda e: (e.path, e.line, e.column, e.message))
    return RuleSet(MappingProxyType(entities), tuple(sorted(claims, key=lambda c: c.id)),
                   tuple(str(f) for f in files), MappingProxyType(_stories(claims, entity_sources))), []


def _stories(claims: list[Claim], entity_sources: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """A rule file tells one story: its claims belong with the entities it defines and those its claims name."""
    kinds = registry()
    by_file: dict[str, set[str]] = {}
    for entity_id, source in entity_sources.items():
        by_file.setdefault(source, set()).add(entity_id)
    for claim in claims:
        story = by_file.setdefault(claim.path, set())
        for key, spec in kinds[claim.kind].keys.items():
            value = claim.get(key)
            if value and spec.type == "entity":
                story.add(value)
            elif value and spec.type == "entities":
                story.update(value)
    # One set per file, shared by its claims: a copy per claim would grow with the claims times the entities.
    shared = {path: frozenset(story) for path, story in by_file.items()}
    return {claim.id: shared[claim.path] for claim in claims}


def rules_hash(rules: RuleSet) -> str:
    """A digest of the rule files a rule set was read from: statements extracted under other rules are not reused."""
    digest = hashlib.sha256()
    for name in rules.files:
        digest.update(name.encode("utf-8") + b"\0" + read_regular(Path(name)) + b"\0")
    return digest.hexdigest()


def load_rule_files(files: tuple[str, ...]) -> RuleSet:
    rules, errors = validate_files([Path(f) for f in files], ", ".join(files))
    if errors or rules is None:
        raise RulesInvalid(errors)
    return rules


def load_rules(directory: Path) -> RuleSet:
    rules, errors = validate(directory)
    if errors or rules is None:
        raise RulesInvalid(errors)
    return rules


def defined_ids(directory: Path, leave_out: Path | None = None) -> frozenset[str]:
    """The entity and claim ids the rule files of a folder define (but `leave_out`'s), so that a new file beside them
    takes others; a file that cannot be read defines none here (`rules check` says why)."""
    if not directory.is_dir():
        return frozenset()
    found: set[str] = set()
    files, _ = rule_files(directory)
    for path in files:
        if leave_out is not None and os.path.realpath(path) == os.path.realpath(leave_out):
            continue
        try:
            data = loads_toml(read_regular(path).decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        entities = data.get("entities")
        found.update(entities if isinstance(entities, dict) else ())
        claims = data.get("claims")
        found.update(str(c["id"]) for c in (claims if isinstance(claims, list) else ())
                     if isinstance(c, dict) and "id" in c)
    return frozenset(found)
