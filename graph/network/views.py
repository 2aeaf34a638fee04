"""What each view of the network draws: its entity kinds and its link types.

Kept apart from the projection (which needs networkx) so that a command can work out what a
view reads, and begin reading it, before the network libraries are loaded.
"""
from __future__ import annotations

VIEWS = ("collaboration", "all", "money", "programme")
EDGE_TYPES = ("collaboration", "participation", "post", "funding")
KINDS = ("PoliceForce", "PartnerOrganisation", "Programme", "Person")
ORGANISATION_KINDS = ("PoliceForce", "PartnerOrganisation")
VIEW_KINDS = {"collaboration": ORGANISATION_KINDS, "all": KINDS, "money": KINDS,
              "programme": (*ORGANISATION_KINDS, "Programme")}
VIEW_EDGE_TYPES = {"collaboration": ("collaboration",), "all": EDGE_TYPES, "money": ("funding",),
                   "programme": ("participation",)}
ALWAYS_SHOWN = {"collaboration": ("PoliceForce",)}  # kinds a view keeps even without a link
