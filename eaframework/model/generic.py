"""An element of an ArchiMate type that has no kind of its own here (a capability, a
requirement, a junction ...): kept by `ea import archimate` so that nothing is lost, and
written back with the same type by `ea export archimate`.

Its viewpoint follows the ArchiMate layer of its type: a `Capability` sits with the
operations, a `Node`-like `Device` with the technology, a `Requirement` across them.
"""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import ElementBase, Viewpoint

# Every element type of the ArchiMate 3.1 exchange format, by the viewpoint its layer
# belongs to. Passive structure (business and data objects) is information architecture.
ARCHIMATE_ELEMENT_TYPES: dict[str, Viewpoint] = {
    # Strategy
    "Resource": Viewpoint.OPERATIONS,
    "Capability": Viewpoint.OPERATIONS,
    "ValueStream": Viewpoint.OPERATIONS,
    "CourseOfAction": Viewpoint.OPERATIONS,
    # Business
    "BusinessActor": Viewpoint.OPERATIONS,
    "BusinessRole": Viewpoint.OPERATIONS,
    "BusinessCollaboration": Viewpoint.OPERATIONS,
    "BusinessInterface": Viewpoint.OPERATIONS,
    "BusinessProcess": Viewpoint.OPERATIONS,
    "BusinessFunction": Viewpoint.OPERATIONS,
    "BusinessInteraction": Viewpoint.OPERATIONS,
    "BusinessEvent": Viewpoint.OPERATIONS,
    "BusinessService": Viewpoint.OPERATIONS,
    "BusinessObject": Viewpoint.INFORMATION,
    "Contract": Viewpoint.INFORMATION,
    "Representation": Viewpoint.INFORMATION,
    "Product": Viewpoint.OPERATIONS,
    # Application
    "ApplicationComponent": Viewpoint.SYSTEMS,
    "ApplicationCollaboration": Viewpoint.SYSTEMS,
    "ApplicationInterface": Viewpoint.SYSTEMS,
    "ApplicationFunction": Viewpoint.SYSTEMS,
    "ApplicationInteraction": Viewpoint.SYSTEMS,
    "ApplicationProcess": Viewpoint.SYSTEMS,
    "ApplicationEvent": Viewpoint.SYSTEMS,
    "ApplicationService": Viewpoint.SYSTEMS,
    "DataObject": Viewpoint.INFORMATION,
    # Technology and physical
    "Node": Viewpoint.TECHNOLOGY,
    "Device": Viewpoint.TECHNOLOGY,
    "SystemSoftware": Viewpoint.TECHNOLOGY,
    "TechnologyCollaboration": Viewpoint.TECHNOLOGY,
    "TechnologyInterface": Viewpoint.TECHNOLOGY,
    "Path": Viewpoint.TECHNOLOGY,
    "CommunicationNetwork": Viewpoint.TECHNOLOGY,
    "TechnologyFunction": Viewpoint.TECHNOLOGY,
    "TechnologyProcess": Viewpoint.TECHNOLOGY,
    "TechnologyInteraction": Viewpoint.TECHNOLOGY,
    "TechnologyEvent": Viewpoint.TECHNOLOGY,
    "TechnologyService": Viewpoint.TECHNOLOGY,
    "Artifact": Viewpoint.TECHNOLOGY,
    "Equipment": Viewpoint.TECHNOLOGY,
    "Facility": Viewpoint.TECHNOLOGY,
    "DistributionNetwork": Viewpoint.TECHNOLOGY,
    "Material": Viewpoint.TECHNOLOGY,
    # Motivation
    "Stakeholder": Viewpoint.CROSS,
    "Driver": Viewpoint.CROSS,
    "Assessment": Viewpoint.CROSS,
    "Goal": Viewpoint.CROSS,
    "Outcome": Viewpoint.CROSS,
    "Principle": Viewpoint.CROSS,
    "Requirement": Viewpoint.CROSS,
    "Constraint": Viewpoint.CROSS,
    "Meaning": Viewpoint.CROSS,
    "Value": Viewpoint.CROSS,
    # Implementation and migration
    "WorkPackage": Viewpoint.CROSS,
    "Deliverable": Viewpoint.CROSS,
    "ImplementationEvent": Viewpoint.CROSS,
    "Plateau": Viewpoint.CROSS,
    "Gap": Viewpoint.CROSS,
    # Other
    "Grouping": Viewpoint.CROSS,
    "Location": Viewpoint.TECHNOLOGY,
    "AndJunction": Viewpoint.CROSS,
    "OrJunction": Viewpoint.CROSS,
}


class _LayerViewpoint:
    """`GenericElement.viewpoint` is `cross` for the kind as a whole (the registry needs
    one), and the viewpoint of its ArchiMate layer for each element."""

    def __get__(self, element, cls=None) -> Viewpoint:
        if element is None:
            return Viewpoint.CROSS
        return ARCHIMATE_ELEMENT_TYPES.get(element.archimate_type, Viewpoint.CROSS)


class GenericElement(ElementBase):
    """An ArchiMate element of a type no other kind covers, kept as it was imported."""

    viewpoint = _LayerViewpoint()

    kind: Literal["archimate-element"]
    archimate_type: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]*$")] = Field(
        description="the ArchiMate element type, e.g. Capability or Requirement"
    )


__all__ = ["ARCHIMATE_ELEMENT_TYPES", "GenericElement"]
