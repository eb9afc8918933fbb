"""Event clusters: the same real-world event reported by several articles, in
any language, as one cluster.

Pure logic, no database: :mod:`.model` is what the clustering reads of an
event, :mod:`.criteria` says whether two events can be the same event, and
:mod:`.assign` puts new events into existing clusters (or founds new ones),
incrementally and deterministically. The flow reads and writes the tables
through :mod:`extractors.store.clusters`.
"""

from extractors.clusters.assign import assign
from extractors.clusters.criteria import compatible, family
from extractors.clusters.model import ClusterEvent, Party

__all__ = ["ClusterEvent", "Party", "assign", "compatible", "family"]
