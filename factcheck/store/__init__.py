"""The statement store: the SQLite file of statements per article (`database`), kept in step with the files
(`sync`)."""
