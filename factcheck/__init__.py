"""factcheck: find where news reports of the same event disagree, with the evidence to verify it."""

__version__ = "0.2.0"

import copyreg
from types import MappingProxyType


# Records hold read-only mappings, which pickle cannot copy by itself; a cluster node or worker process is sent
# rules and statements pickled, so teach it to copy them as the mappings they show.
def read_only(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


copyreg.pickle(MappingProxyType, lambda mapping: (read_only, (dict(mapping),)))
