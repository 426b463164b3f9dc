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

from sitrep.data import cache_dir, limits, replace_in_cache

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SAMPLE_CHARS = 2_000  # the opening paragraphs tell an article's language; the cost stays small and bounded


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """py3langid's model, read from an uncompressed copy in the cache: unpacking its LZMA file costs each
    run 0.4 s, the copy 0.1 s. A cache that cannot be written or a damaged copy costs only that time: the
    packaged model is read instead (and a damaged copy removed, for the next run to write again)."""
    import zipfile

    import numpy as np  # numpy and a model: only when articles are read
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    packed = MODEL_DIR / MODEL_FILE
    copy = _copy_path(packed)
    try:
        _unpack(packed, copy)
        with np.load(copy, allow_pickle=False) as m:
            return LanguageIdentifier(m["ptc"], m["pc"], m["classes"].tolist(), _plain(m["nextmove"]),
                                      m["out_feat"].tolist(), norm_probs=True, tk_row=_plain(m["nextmove_row"]))
    except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile):
        if copy.is_file():
            copy.unlink(missing_ok=True)
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _copy_path(packed: Path) -> Path:
    """Named by the packed file's size and time: a new py3langid, a new copy."""
    stat = packed.stat()
    digest = hashlib.sha256(f"{packed}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    return cache_dir() / f"langid-{digest}.npz"


def _unpack(packed: Path, path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        with lzma.open(packed) as src, tmp.open("wb") as dst:
            shutil.copyfileobj(src, dst, length=1 << 20)
        replace_in_cache(tmp, path, "langid-*.npz")
    finally:
        tmp.unlink(missing_ok=True)


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
