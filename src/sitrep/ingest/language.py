"""The article's language, by py3langid (its model ships in the package): the NLP stage reads English, so
an article in another language would be mis-coded, not coded. Short or mixed texts decide nothing."""

from __future__ import annotations

import hashlib
import lzma
import os
import shutil
from array import array
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.data import cache_dir, limits

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SAMPLE_CHARS = 2_000  # the opening paragraphs tell an article's language; the cost stays small and bounded


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """py3langid's model, read from an uncompressed copy in the cache: unpacking its LZMA file costs each
    run 0.4 s, the copy 0.1 s."""
    import numpy as np  # numpy and a model: only when articles are read
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    packed = MODEL_DIR / MODEL_FILE
    with np.load(_unpacked(packed), allow_pickle=False) as m:
        return LanguageIdentifier(m["ptc"], m["pc"], m["classes"].tolist(), _plain(m["nextmove"]),
                                  m["out_feat"].tolist(), norm_probs=True, tk_row=_plain(m["nextmove_row"]))


def _unpacked(packed: Path) -> Path:
    """The model file decompressed, named by the packed file's size and time (a new py3langid, a new copy)."""
    stat = packed.stat()
    digest = hashlib.sha256(f"{packed}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    path = cache_dir() / f"langid-{digest}.npz"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with lzma.open(packed) as src, tmp.open("wb") as dst:
            shutil.copyfileobj(src, dst, length=1 << 20)
        os.replace(tmp, path)  # whole or absent, whatever else runs at the same time
    return path


def _plain(values: object) -> array:
    """An unsigned integer array as the standard library's, which py3langid's tokenizer indexes fast."""
    import numpy as np

    values = np.ascontiguousarray(values)
    code = next(c for c in "HIL" if array(c).itemsize == values.itemsize)
    return array(code, values.tobytes())


def foreign_language(text: str) -> tuple[str, float] | None:
    """(language, probability) when the text is surely in a language limits.yaml does not list; None when
    it is in one of them, or too short or too mixed to tell (such texts are kept)."""
    lim = limits()
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < lim["language_min_characters"]:
        return None
    lang, prob = _identifier().classify(sample)
    if lang in lim["languages"] or prob < lim["language_min_probability"]:
        return None
    return lang, prob
