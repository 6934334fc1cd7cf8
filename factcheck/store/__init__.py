"""The statement store: the SQLite file of statements per article (`database`) and their JSON form (`codec`), which
worker processes use too."""
