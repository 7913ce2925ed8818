"""The one YAML emitter configuration of model files (ruamel.yaml), shared by the
formatter and the writer: mappings indented by 2, lists indented under their key, no
folding of long lines, strings plain where YAML allows and in double quotes where not.

A string is quoted, besides where YAML itself needs it, when a YAML 1.1 reader (PyYAML,
many editors) would take it for something else ('yes', 'on', '1:30', '0777'), and when
the loader's YAML 1.2 reader (yaml-rs) would not read it back as the same text ('_9').
"""

from __future__ import annotations

import math
import re
from functools import cache

import yaml_rs

# The plain scalars a YAML 1.1 resolver (PyYAML's) reads as something other than text,
# by first character; matched as PyYAML does (re.match, `$` also before a final newline).
_YAML11 = [
    ("yYnNtTfFoO", re.compile(r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE"
                              r"|on|On|ON|off|Off|OFF)$")),
    ("-+0123456789.", re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)"
        r"|\.(?:nan|NaN|NAN))$")),
    ("-+0123456789", re.compile(
        r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
        r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")),
    ("<", re.compile(r"^(?:<<)$")),
    ("~nN", re.compile(r"^(?:~|null|Null|NULL)$")),
    ("0123456789", re.compile(
        r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?"
        r"-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")),
    ("=", re.compile(r"^(?:=)$")),
    ("!&*", re.compile(r"^(?:!|&|\*)$")),
]
# Plain scalars that yaml-rs might not read back as this text (the rest are text for it).
_MAYBE_NOT_TEXT = re.compile(r"^[-+.0-9_~]|^(?:true|false|null|yes|no|on|off)$", re.IGNORECASE)


def plain_is_ambiguous(value: str) -> bool:
    """Whether `value`, written plain, could be read as something other than this text:
    by a YAML 1.1 reader, or by the loader's reader."""
    first = value[:1]
    if any(first in chars and pattern.match(value) for chars, pattern in _YAML11):
        return True
    if _MAYBE_NOT_TEXT.match(value):
        try:
            return yaml_rs.loads(f"v: {value}\n", parse_datetime=False) != {"v": value}
        except yaml_rs.YAMLDecodeError:
            return True
    return False


def model_yaml():
    """A ruamel.yaml round-trip instance with the model files' emitter settings."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = False
    yaml.width = 1 << 16  # never fold a long line: that would be a change of its own
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.Emitter = _Emitter()
    yaml.Representer = _Representer()
    return yaml


@cache
def _Representer():
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.scalarfloat import ScalarFloat

    class Representer(RoundTripRepresenter):
        def represent_str(self, data: str):
            style = '"' if data and plain_is_ambiguous(data) else None
            return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

        def represent_scalar_float(self, data):
            """A number as written, unless ruamel.yaml's rebuilding of its text would
            change its value (it does for a few, such as 2.189095845017764e-42) or would
            not come back the same when formatted again (0.1e-400 becomes 0.0e+001, then
            0.0e+002 ...): then the number's shortest text."""
            try:
                node = super().represent_scalar_float(data)
                if _same_float(node.value, data):
                    reread = _reread_float(node.value)
                    if not isinstance(reread, ScalarFloat):  # .inf, .nan: as they are
                        return node
                    if super().represent_scalar_float(reread).value == node.value:
                        return node
            except (ValueError, TypeError, AttributeError):  # ruamel.yaml's own corners
                pass
            return self.represent_float(float(data))

    Representer.add_representer(str, Representer.represent_str)
    Representer.add_representer(ScalarFloat, Representer.represent_scalar_float)
    return Representer


def _same_float(text: str, value) -> bool:
    """Whether `text` reads back as exactly `value` (the same sign of zero too)."""
    try:
        number = float(text.replace("_", ""))
    except ValueError:  # .inf, .nan
        return True
    return number == float(value) and math.copysign(1, number) == math.copysign(1, value)


def _reread_float(text: str):
    """`text` read back as ruamel.yaml reads a plain scalar (a ScalarFloat, or a str)."""
    return _scalar_reader().load(f"v: {text}\n")["v"]


@cache
def _scalar_reader():
    from ruamel.yaml import YAML

    return YAML(typ="rt")


@cache
def _Emitter():
    from ruamel.yaml.emitter import RoundTripEmitter

    class Emitter(RoundTripEmitter):
        def choose_scalar_style(self):
            style = super().choose_scalar_style()
            return '"' if style == "'" else style  # one quoting style: double

    return Emitter
