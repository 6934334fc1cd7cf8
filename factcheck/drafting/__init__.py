"""Drafting rules from a corpus (`factcheck rules draft`): the entities its articles name (names.py), the claims
they bear out (proposals.py), the draft they make (draft.py) and its rule file and explanation (render.py)."""
