"""Shared pieces of the interchange tests: the Open Group schemas (read from the shared
folder beside the project, never copied into it) and small model builders."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

from eaframework.loader import load_texts
from tests.conftest import SHARED

XSD = SHARED / "archimate-xsd"
SAMPLES = sorted((XSD / "samples").glob("*.xml")) if (XSD / "samples").is_dir() else []
A = "http://www.opengroup.org/xsd/archimate/3.0/"
NS = {"a": A, "xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "dc": "http://purl.org/dc/elements/1.1/"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class _LocalSchemas(etree.Resolver):
    """The schemas import the W3C `xml.xsd` by its web address: answer with the local copy
    and refuse anything else remote, so validation never touches the network."""

    def resolve(self, url, pubid, context):
        if url.startswith("http://www.w3.org/2001/") and url.endswith("/xml.xsd"):
            return self.resolve_filename(str(XSD / "xml.xsd"), context)
        if "://" in url and not url.startswith("file:"):
            raise ValueError(f"schema validation must not fetch {url}")
        return None


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalSchemas())
    # lxml takes one root schema: a wrapper importing ArchiMate (Diagram includes View,
    # which includes Model) and Dublin Core, whose elements the metadata may hold.
    wrapper = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="{A}" schemaLocation="archimate3_Diagram.xsd"/>'
        '<xs:import namespace="http://purl.org/dc/elements/1.1/" schemaLocation="dc.xsd"/>'
        "</xs:schema>"
    )
    document = etree.fromstring(wrapper.encode(), parser, base_url=str(XSD / "wrapper.xsd"))
    return etree.XMLSchema(document)


def archimate_schema() -> etree.XMLSchema:
    for name in ("archimate3_Diagram.xsd", "archimate3_View.xsd", "archimate3_Model.xsd",
                 "dc.xsd", "xml.xsd"):
        if not (XSD / name).is_file():
            pytest.skip(f"needs the Open Group schemas in {XSD} ({name} is absent)")
    return _schema()


def assert_valid(data: bytes) -> etree._Element:
    schema = archimate_schema()
    document = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    if not schema.validate(document):
        errors = "\n".join(str(e) for e in list(schema.error_log)[:10])
        pytest.fail(f"not valid against the ArchiMate schemas:\n{errors}")
    return document


def samples() -> list[Path]:
    if not SAMPLES:
        pytest.skip(f"needs the exchange-format samples in {XSD / 'samples'}, which are absent")
    return SAMPLES


def model_of(files: dict[str, str]):
    """The model of these texts, which must load with no diagnostics at all."""
    result = load_texts(files)
    assert [(d.code, str(d.location), d.message) for d in result.diagnostics] == []
    return result.model


HEADER = "apiVersion: eaframework/v1\n"
