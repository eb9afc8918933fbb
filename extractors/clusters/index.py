"""Which clustered events a new event could match, without comparing it to all of them.

:func:`~extractors.clusters.assign.assign` used to test every new event
against every clustered event in the store's date window: fine for a daily
drop, quadratic for a backfill of one week (20,000 articles of the same days
spent 60% of the run there, and each batch took longer than the last).

Every compatible pair (:func:`~extractors.clusters.criteria.compatible`)
shares the type family, the modality group and one of these keys, so the
index buckets events by them and a lookup returns a superset of the matches,
which ``compatible`` then decides:

* same language: the first or the last word of a party's name
  (:func:`~extractors.clusters.criteria.same_name` matches equal names, or a
  shorter name that begins or ends the longer one: both share a first word,
  or both a last word);
* across languages: a party's country and role (``_coded``).

A name without words matches any name of its language (``same_name``'s own
rule), so it goes to a bucket every lookup of that language reads. An event
without parties matches nothing and is not indexed.
"""

from __future__ import annotations

from collections import defaultdict

from extractors.clusters.criteria import MODALITY_GROUPS, _coded, family
from extractors.clusters.model import ClusterEvent

ALL_NAMES, SPACES = "all names", "spaces"


class CandidateIndex:
    """Clustered events bucketed by the keys a compatible event must share."""

    def __init__(self, members=()) -> None:
        self._buckets: dict[tuple, list[ClusterEvent]] = defaultdict(list)
        for member in members:
            self.add(member)

    def add(self, event: ClusterEvent) -> None:
        for key in set(_keys(event, lookup=False)):
            self._buckets[key].append(event)

    def candidates(self, event: ClusterEvent) -> list[ClusterEvent]:
        """Each indexed event that may be compatible with ``event``, once."""
        found: dict[int, ClusterEvent] = {}
        for key in set(_keys(event, lookup=True)):
            for member in self._buckets.get(key, ()):
                found.setdefault(id(member), member)
        return list(found.values())


def lookup_terms(events) -> tuple[set[str], bool, set[str]]:
    """What a stored event must share with one of ``events`` to be a candidate,
    for the database to filter on before the index decides: the first and last
    words of their parties' names, whether one name is made of spaces (it
    matches any name), and their coded ``country|role`` pairs. Read off the
    keys those events look up, so that both filters follow one definition."""
    words, any_name, coded = set(), False, set()
    for event in events:
        for key in _keys(event, lookup=True):
            scope, rest = key[2], key[3:]  # after the type family and modality group: a language, or "coded"
            if scope == "coded":
                coded.add("|".join(rest))
            elif rest[0] in ("first", "last"):
                words.add(rest[1])
            elif rest[0] == ALL_NAMES:
                any_name = True
    return words, any_name, coded


def _keys(event: ClusterEvent, lookup: bool):
    """The buckets ``event`` is filed under (``lookup`` False) or reads."""
    group = (family(event.type), MODALITY_GROUPS.get(event.modality, "happened"))
    for party in event.parties:
        if party.name:
            words = party.name.split()
            if words:
                yield (*group, event.lang, "first", words[0])
                yield (*group, event.lang, "last", words[-1])
            # A name of spaces matches every name of its language (same_name):
            # it is filed where every lookup reads, and reads where every name is filed.
            if lookup:
                yield (*group, event.lang, ALL_NAMES if not words else SPACES)
            else:
                yield (*group, event.lang, ALL_NAMES)
                if not words:
                    yield (*group, event.lang, SPACES)
        coded = _coded(party)
        if coded:
            yield (*group, "coded", *coded)
