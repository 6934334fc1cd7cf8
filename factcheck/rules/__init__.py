"""Rule files: read and validated into the records of claims.py (`load`), with every error at `path:line:column`
(`locate`) and every key's value checked against what its kind declares (`values`)."""
