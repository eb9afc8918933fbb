"""Cluster the events of newly stored articles with those already stored.

Orchestration only: the store reads the candidates and writes the result
(:mod:`extractors.store.clusters`), :func:`extractors.clusters.assign`
decides. Runs after each batch is written, so a drop's events join the
clusters of earlier drops without reclustering them.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.clusters import assign
from extractors.store import Store
from extractors.store.clusters import cluster_inputs, write_clusters


def cluster_new_events(store: Store, article_ids: Sequence[str]) -> int:
    """Assign the events of ``article_ids`` to clusters; returns how many events were assigned."""
    new, existing, taken = cluster_inputs(store, article_ids)
    if not new:
        return 0
    assignments = assign(new, existing, taken)
    write_clusters(store, assignments)
    return len(assignments)
