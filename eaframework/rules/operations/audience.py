"""Which services face residents or businesses, and how messages say so."""

from __future__ import annotations

from ...model import Service


def citizen_facing(service: Service) -> bool:
    """A live service for residents or businesses (`audience` citizen or business)."""
    return service.citizen_facing and service.is_live


def audience_words(service: Service) -> str:
    return f"{service.audience.value}-facing"
