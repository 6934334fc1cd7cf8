"""Article ids: a file's path relative to the corpus folder it was found in, without its suffix, with "/" between
folders (`news/2022/a/index`), so that two files in one corpus never share an id however a site names its pages
(Hugo and Jekyll page bundles are all `index.md`), and an article keeps its id from one run to the next for the
baseline and the store.

Each folder a run is given is a root (`check corpus` gives the seed style's flat ids, `001_abc`); a file given alone
is named from its own folder (`check --new drafts/x.md` names it `x`). A file inside two roots is named from the
outer one, so that `check corpus corpus/new` names its articles as `check corpus` does.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex


@dataclass(frozen=True, slots=True)
class Root:
    """A folder ids are relative to: absolute, and as the inputs wrote it, so that the paths of an archive's
    files, written from it, are named without asking the file system."""

    absolute: str
    written: str

    def relative(self, path: str) -> str | None:
        """The path relative to this root, or None if it is not inside."""
        if self.written in ("", "."):
            if not os.path.isabs(path) and not path.startswith(".." + os.sep) and path != "..":
                return os.path.normpath(path)
        elif path.startswith(self.written + os.sep):
            return path[len(self.written) + 1:]
        absolute = os.path.abspath(path)
        if absolute.startswith(self.absolute.rstrip(os.sep) + os.sep):
            return absolute[len(self.absolute.rstrip(os.sep)) + 1:]
        return None


@dataclass(frozen=True, slots=True)
class ArticleIds:
    """How a path becomes an article id: relative to the outermost input folder that holds it (a file named alone
    is relative to its own folder), so that adding a folder to a run leaves the other articles' ids as they were.
    Without roots, an id is the file's name without its suffix."""

    roots: tuple[Root, ...] = ()

    @staticmethod
    def of(inputs: Sequence[Path]) -> ArticleIds:
        folders = {os.path.normpath(p if p.is_dir() else p.parent) for p in inputs if str(p) != "-"}
        # Outermost first: a path inside two roots is named from the outer one, as `check` of the outer one names it.
        roots = sorted((Root(os.path.abspath(f), f) for f in folders), key=lambda r: (len(r.absolute), r.absolute))
        return ArticleIds(tuple(roots))

    def id_of(self, path: str) -> str:
        path = os.path.normpath(path)  # `a/../b/x.md` is `b/x.md`: no id climbs out of its root
        for root in self.roots:
            relative = root.relative(path)
            if relative is not None and relative != ".." and not relative.startswith(".." + os.sep):
                return _text(_without_suffix(relative.replace(os.sep, "/")))
        return _text(_without_suffix(os.path.basename(path)))


def short_names(ids: Iterable[str]) -> dict[str, str]:
    """Each id that has a shorter ending of whole folder names no other id ends with, by that ending: `news/a/story`
    is `story` where no other id ends in `story`; `a/index` beside `b/index` stays as it is (and is left out)."""
    every = sorted(set(ids))
    endings: dict[str, int] = {}
    for id_ in every:
        parts = id_.split("/")
        for size in range(1, len(parts)):
            ending = "/".join(parts[-size:])
            endings[ending] = endings.get(ending, 0) + 1
    taken = set(every)
    short: dict[str, str] = {}
    for id_ in every:
        parts = id_.split("/")
        found = next((ending for size in range(1, len(parts))
                      if endings[ending := "/".join(parts[-size:])] == 1 and ending not in taken), None)
        if found is not None:
            short[id_] = found
    return short


# A path-like id in a message: words of letters, digits, dots, dashes and underscores joined by slashes.
_PATH_ID = regex.compile(r"(?<![\w./-])[\w.-]+(?:/[\w.-]+)+(?![\w/-])")


def shortened(text: str, short: Mapping[str, str]) -> str:
    """The text with each full id it names written short."""
    return _PATH_ID.sub(lambda m: _short_of(m.group(), short), text) if short and "/" in text else text


def _short_of(found: str, short: Mapping[str, str]) -> str:
    """A matched id written short, the full stops that end its sentence left after it."""
    core = found.rstrip(".")
    return short.get(core, core) + found[len(core):]


def distinct(id_: str, path: str, holder: str, taken: Container[str]) -> str:
    """An id for a file whose id another file (`holder`) already has: beside it (x.txt and x.md), its name with the
    suffix; elsewhere (the `index` of two folders named apart), the shortest longer ending of its path that no
    article has."""
    if os.path.splitext(os.path.abspath(path))[0] != os.path.splitext(os.path.abspath(holder))[0]:
        folders = Path(os.path.abspath(path)).parent.parts[1:]
        for size in range(1, len(folders) + 1):
            longer = "/".join((*folders[-size:], id_.rsplit("/", 1)[-1]))
            if longer not in taken:
                return longer
    suffix = Path(path).suffix
    return next(f"{id_}{suffix}{'' if n == 1 else f'.{n}'}" for n in itertools.count(1)
                if f"{id_}{suffix}{'' if n == 1 else f'.{n}'}" not in taken)


def _without_suffix(name: str) -> str:
    head, _, last = name.rpartition("/")
    stem, dot, _ = last.rpartition(".")
    last = stem if dot and stem else last
    return f"{head}/{last}" if head else last


def _text(name: str) -> str:
    """An id every report, baseline and store can hold: a byte of a file name that is not UTF-8 (which Python
    reads as a lone surrogate, and no UTF-8 text can hold) is U+FFFD in it."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
