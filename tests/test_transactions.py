"""A transaction is kept whole or not at all, on both back-ends: a write the server refuses (sent without
waiting for its answer, in PostgreSQL's pipeline mode) undoes everything the transaction wrote, raises
the store's error, and leaves the store ready for the next transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Article, DateInterval, Event, Place
from sitrep.store import Store


def _report(report_id: str, article_id: str) -> Event:
    day = dt.date(2024, 5, 2)
    return Event(report_id, "Battles", "Armed clash", None, None, None, None,
                 Place("Gao", "Mali", "MLI", "Gao", 16.27, -0.04, 1, "city"), DateInterval(day, day, day, "day"),
                 None, None, [article_id])


def _article(article_id: str) -> Article:
    return Article(article_id, "", "text", dt.date(2024, 5, 3), None, None, None, "", article_id)


def _counts(store: Store) -> tuple[int, int, int]:
    return tuple(store.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # type: ignore[return-value]
                 for table in ("articles", "reports", "events"))


def test_a_refused_write_undoes_the_whole_transaction(db: str) -> None:
    store = Store(db)
    with store.transaction():
        store.replace_article(_article("kept"))
        store.add_report(_report("r0", "kept"), "e0")
        store.save_event(_report("e0", "kept"), {})
    with pytest.raises(store.errors), store.transaction():
        store.replace_article(_article("lost"))
        store.save_event(_report("e1", "lost"), {})
        store.add_report(_report("r1", "no such article"), "e1")  # refused: its article is not stored
    assert _counts(store) == (1, 1, 1)
    with store.transaction():  # the store goes on
        store.replace_article(_article("next"))
        store.add_report(_report("r2", "next"), "e2")
        store.save_event(_report("e2", "next"), {})
    assert _counts(store) == (2, 2, 2)
    store.close()


def test_an_interruption_undoes_the_transaction(db: str) -> None:
    store = Store(db)
    with pytest.raises(KeyboardInterrupt), store.transaction():
        store.replace_article(_article("a"))
        store.add_report(_report("r", "a"), "e")
        store.save_event(_report("e", "a"), {})
        raise KeyboardInterrupt
    assert _counts(store) == (0, 0, 0)
    with store.transaction():
        store.replace_article(_article("a"))
    assert _counts(store) == (1, 0, 0)
    store.close()


def test_a_new_event_takes_its_first_reports_id_unless_an_event_has_it(db: str) -> None:
    store = Store(db)
    with store.transaction():
        store.replace_article(_article("a"))
        assert store.fresh_event_id("r1", "a") == "r1"  # a new article has seeded no event
        store.add_report(_report("r1", "a"), "r1")
        store.save_event(_report("r1", "a"), {})
    with store.transaction():
        store.replace_article(_article("b"))
        store.add_report(_report("r2", "b"), "r1")  # another outlet's report joins the event
        store.save_event(_report("r1", "a"), {})
    with store.transaction():  # a new version of "a": its report is gone, the event it seeded lives on
        store.replace_article(Article("a", "", "text, revised", dt.date(2024, 5, 3), None, None, None, "", "a2"))
        assert store.fresh_event_id("r1", "a") == "r1.1"
    store.close()


def test_an_article_found_absent_is_stored_without_asking_unless_another_writer_stored_it(db: str) -> None:
    """known_hashes notes absent articles, which are then written without a round trip. Where another
    connection stored one in between, the write is refused: the transaction is undone, the other version
    stays whole, and the next attempt replaces it as a new version."""
    store, other = Store(db), Store(db)
    assert store.known_hashes(["a", "b"]) == {}
    with store.transaction():
        store.replace_article(_article("a"))
        store.add_report(_report("ra", "a"), "ra")
        store.save_event(_report("ra", "a"), {})
    with other.transaction():  # "b" arrives by another writer meanwhile
        other.replace_article(_article("b"))
        other.add_report(_report("rb", "b"), "rb")
        other.save_event(_report("rb", "b"), {})
    with pytest.raises(store.errors), store.transaction():
        store.replace_article(Article("b", "", "text, revised", dt.date(2024, 5, 3), None, None, None, "", "b2"))
    assert _counts(store) == (2, 2, 2)
    assert store.known_hashes(["a", "b"]) == {"a": "a", "b": "b"}
    with store.transaction():  # asked again, "b" is known: its new version replaces the stored one
        assert store.replace_article(Article("b", "", "text, revised", dt.date(2024, 5, 3), None, None, None, "",
                                             "b2")) == {"rb"}
    assert store.known_hash("b") == "b2"
    store.close()
    other.close()


def test_a_run_that_meets_an_article_another_writer_stored_first_goes_on(db: str) -> None:
    """The run found the article absent; another writer stored it meanwhile. The same text is skipped; a
    different text is stored as the article's new version. Either way the run goes on."""
    from sitrep.runner import Analysis, RunReport, store_analysis

    store, other = Store(db), Store(db)
    store.known_hashes(["same", "changed"])
    for article_id in ("same", "changed"):
        with other.transaction():
            other.replace_article(_article(article_id))
    report, problems = RunReport(), []
    store_analysis(store, Analysis(_article("same"), [_report("r1", "same")], []), report, problems.append)
    changed = Article("changed", "", "text, revised", dt.date(2024, 5, 3), None, None, None, "", "changed2")
    store_analysis(store, Analysis(changed, [_report("r2", "changed")], []), report, problems.append)
    assert (report.skipped, report.stored, problems) == (1, 1, [])
    assert (store.known_hash("same"), store.known_hash("changed")) == ("same", "changed2")
    assert store.execute("SELECT id FROM reports").fetchall()[0][0] == "r2"
    store.close()
    other.close()
