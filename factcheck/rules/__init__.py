"""Rule files: the records a story's rules become (`records`) and reading and validating the TOML (`load`)."""
