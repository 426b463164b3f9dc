"""The file system side of ingest: which files a run reads, and opening them without hanging or slurping.

A named pipe under a text name would block a plain open, a directory symlinked into itself would make a
walk endless, and a 200 MB file would be read whole: each becomes one IngestError instead."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, AnyStr, BinaryIO

from sitrep.ingest.errors import IngestError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom"}
NAMED_FEED_SUFFIXES = FEED_SUFFIXES | {".xml"}  # .xml files below a directory are seldom feeds; named ones are
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
NOT_FILES = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def iter_files(paths: list[str]) -> Iterator[Path | IngestError]:
    """Files named, and files with a known suffix below directories named, in a stable order. Each directory
    is walked once however many symlinks lead to it, so a symlink loop ends."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            seen: set[tuple[int, int]] = set()
            unreadable: list[OSError] = []
            for root, dirs, files in os.walk(path, followlinks=True, onerror=unreadable.append):
                yield from (_problem(e.filename, e) for e in unreadable)
                unreadable.clear()
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUFFIXES:
                        yield Path(root) / name
            yield from (_problem(e.filename, e) for e in unreadable)
        elif os.path.lexists(path):  # a file, or a link to nothing or to itself: opening it tells which
            yield path
        else:
            yield IngestError(raw, "no such file or directory")


def open_regular(path: Path, max_bytes: int | None = None) -> BinaryIO:
    """The file opened for reading, if it is a regular file of at most max_bytes (told by its size, unread).
    O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise _problem(str(path), exc) from None
    st = os.fstat(fd)
    kind = next((name for test, name in NOT_FILES if test(st.st_mode)), None)
    if kind is not None or (max_bytes is not None and st.st_size > max_bytes):
        os.close(fd)
        if kind is not None:
            raise IngestError(str(path), f"not a regular file ({kind})")
        raise IngestError(str(path), f"too large to be an article ({st.st_size:,} bytes; "
                                     f"largest_article_file in limits.yaml is {max_bytes:,}); not read")
    return os.fdopen(fd, "rb")


def bounded_lines(fh: IO[AnyStr], limit: int) -> Iterator[tuple[int, AnyStr | None]]:
    """(line number, line) for each line of fh; None for a line longer than limit, which is read past in
    pieces, never held whole."""
    n = 0
    while line := fh.readline(limit + 1):
        n += 1
        if len(line) > limit and line[-1:] not in ("\n", b"\n"):
            while (rest := fh.readline(limit)) and rest[-1:] not in ("\n", b"\n"):
                pass
            yield n, None
        else:
            yield n, line


def _problem(path: str, exc: OSError) -> IngestError:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return IngestError(path, "permission denied")
    if exc.errno == errno.ELOOP:
        return IngestError(path, "symbolic link loop")
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return IngestError(path, f"symbolic link to nothing ({os.readlink(path)})")
    return IngestError(path, f"cannot read ({exc.strerror or exc})")
