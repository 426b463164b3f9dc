"""NLP stage: sentences, tokens, parse and entities from spaCy, with names from the data files added
as entity patterns that win over the statistical NER (it reads many Arabic names as PERSON)."""

from sitrep.nlp.pipeline import DEFAULT_MODEL, Processed, build_pipeline, process

__all__ = ["DEFAULT_MODEL", "Processed", "build_pipeline", "process"]
