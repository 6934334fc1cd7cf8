"""Article ids: a file's path relative to the corpus folder it was found in, without its suffix, with "/" between
folders (`news/2022/a/index`), so that two files in one corpus never share an id however a site names its pages
(Hugo and Jekyll page bundles are all `index.md`), and an article keeps its id from one run to the next for the
baseline and the store.

Each folder a run is given is a root (`check corpus` gives the seed style's flat ids, `001_abc`); a file given alone
is named from its own folder (`check --new drafts/x.md` names it `x`). A file inside two roots is named from the
outer one, so that `check corpus corpus/new` names its articles as `check corpus` does.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


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
        for root in self.roots:
            if (relative := root.relative(path)) is not None:
                return _without_suffix(relative.replace(os.sep, "/"))
        return _without_suffix(os.path.basename(path))


def _without_suffix(name: str) -> str:
    head, _, last = name.rpartition("/")
    stem, dot, _ = last.rpartition(".")
    last = stem if dot and stem else last
    return f"{head}/{last}" if head else last
