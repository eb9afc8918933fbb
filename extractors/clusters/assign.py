"""Incremental clustering: new events join the existing clusters they match,
or found their own.

An event joins the cluster with the most members it is :func:`compatible`
with (ties: the smaller cluster id); events of its own article do not count
(the event stage already merged an article's mentions of one event). A
cluster's id is ``c-`` + the id of the event that founded it, and new events
are taken in a fixed order (publication date, article, event id), so running
the same drops again gives the same ids, and a later drop never renames an
earlier cluster. Candidates come from a :class:`CandidateIndex`, so a new
event is compared only with events that share its type family, modality
group and an actor key, not with every event of the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from extractors.clusters.criteria import compatible
from extractors.clusters.index import CandidateIndex
from extractors.clusters.model import ClusterEvent

PREFIX = "c-"


def assign(new: Sequence[ClusterEvent], existing: Sequence[ClusterEvent] = (), taken: Iterable[str] = ()) -> dict[str, str]:
    """Event id → cluster id for every event of ``new``.

    ``existing`` are events already clustered (each with its ``cluster_id``)
    that the new ones may join; they keep their clusters. ``taken`` are ids
    in use that a new cluster must not reuse (a re-processed founder whose
    old cluster lives on without it): ``-2``, ``-3``, … is appended.
    """
    members = CandidateIndex(e for e in existing if e.cluster_id is not None)
    used = set(taken) | {e.cluster_id for e in existing if e.cluster_id is not None}
    out: dict[str, str] = {}
    for event in sorted(new, key=_order):
        scores: dict[str, int] = {}
        for other in members.candidates(event):
            if other.article_id != event.article_id and compatible(event, other):
                scores[other.cluster_id] = scores.get(other.cluster_id, 0) + 1
        cluster = min(scores, key=lambda c: (-scores[c], c)) if scores else _fresh_id(event.event_id, used)
        used.add(cluster)
        out[event.event_id] = cluster
        members.add(_with_cluster(event, cluster))
    return out


def _fresh_id(event_id: str, used: set[str]) -> str:
    cluster, n = PREFIX + event_id, 1
    while cluster in used:
        n += 1
        cluster = f"{PREFIX}{event_id}-{n}"
    return cluster


def _order(e: ClusterEvent) -> tuple:
    return e.published or date.min, e.article_id, e.event_id


def _with_cluster(e: ClusterEvent, cluster: str) -> ClusterEvent:
    return replace(e, cluster_id=cluster)
