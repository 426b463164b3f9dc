"""Bytes -> text: UTF-8 (with or without BOM) first, else the encoding charset-normalizer is sure of."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from sitrep.ingest.errors import IngestError

BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\x1f\x8b": "gzip-compressed data",
    b"PK\x03\x04": "a ZIP archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
MIN_PRINTABLE = 0.95


def refuse_binary(head: bytes, path: str) -> None:
    """A PDF, image or archive under a text name, told by its first bytes."""
    for magic, kind in BINARY_MAGIC.items():
        if head.startswith(magic):
            raise IngestError(path, f"not a text file ({kind})")


def decode(data: bytes, path: str) -> tuple[str, str | None]:
    """The text and, when it was not UTF-8, a note saying which encoding was used."""
    if not data.strip():
        raise IngestError(path, "empty file")
    refuse_binary(data, path)
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc, errors="strict"), path), None
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"invalid {enc} at byte {exc.start} after its byte-order mark") from None
    if b"\x00" in data:
        raise IngestError(path, "not a text file (binary content)")
    try:
        return _checked(data.decode("utf-8"), path), None
    except UnicodeDecodeError as exc:
        best = from_bytes(data).best()
        if best is None or best.encoding in ("utf_8", "ascii"):
            raise IngestError(path, f"invalid UTF-8 at byte {exc.start} and no other encoding fits") from None
        return _checked(str(best), path), f"not UTF-8; read as {best.encoding}"


def _checked(text: str, path: str) -> str:
    sample = text[:20000]
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in sample)
    if printable < MIN_PRINTABLE * len(sample):
        raise IngestError(path, "not a text file (mostly unprintable characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")



WRAP_WIDTH = 110  # paragraphs whose lines are all this short were hard-wrapped by an editor or a mailer


def unwrap(text: str) -> str:
    """Join hard-wrapped paragraphs into one line each; a line break then means a new paragraph (or a
    headline), which the NLP stage treats as a sentence boundary. Same length, so nothing shifts."""
    blocks = text.split("\n\n")
    for i, block in enumerate(blocks):
        body = block.rstrip("\n")
        lines = body.split("\n")
        if len(lines) > 1 and max(len(ln) for ln in lines) <= WRAP_WIDTH and all(ln.strip() for ln in lines):
            blocks[i] = " ".join(lines) + block[len(body):]

    return "\n\n".join(blocks)

