"""Why a claim read nothing where it looked: the notes `factcheck explain` shows a rule author.

Kinds report each candidate they turn down; during a normal check nobody listens and the notes cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Rejection:
    sentence: int
    claim: str
    reason: str


@dataclass(slots=True)
class Notes:
    """A collector of rejections; `listening` is False for the shared instance a check passes."""

    listening: bool = True
    rejections: list[Rejection] = field(default_factory=list)

    def reject(self, sentence: int, claim: str, reason: str) -> None:
        if self.listening:
            self.rejections.append(Rejection(sentence, claim, reason))


UNHEARD = Notes(listening=False)
