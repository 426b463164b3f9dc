from sitrep.cli import app

app()
