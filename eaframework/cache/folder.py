"""The cache folder, opened so that no name in it is followed through a symlink.

`Folder(path)` opens the folder itself with O_NOFOLLOW (lstat where that is missing) and
accepts only a folder owned by the user that others cannot write; each name is then
looked up relative to the open folder's descriptor where the platform allows, opened with
O_NOFOLLOW, and read only when it is a regular file owned by the user.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

TEMP = ".tmp-"
MAX_FILE = 1 << 30
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# Names opened relative to the open folder (POSIX), so a swapped path cannot redirect them.
_AT = ({os.open, os.stat, os.unlink, os.rename, os.link} <= os.supports_dir_fd
       and os.listdir in os.supports_fd and bool(_NOFOLLOW and _DIRECTORY))
_POSIX = os.name == "posix"


class Folder:
    """The cache folder, opened without following a symlink; every name is looked up in
    it (relative to its descriptor where the platform allows) and never followed."""

    def __init__(self, path: Path, create: bool):
        self.path, self.fd = os.fspath(path), None
        if create and not os.path.lexists(self.path):
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.mkdir(self.path, 0o700)
            except FileExistsError:
                pass
        if _AT:
            self.fd = os.open(self.path, os.O_RDONLY | _DIRECTORY | _NOFOLLOW)
            info = os.fstat(self.fd)
        else:
            info = os.lstat(self.path)
        if not stat.S_ISDIR(info.st_mode) or not _owned(info) or (_POSIX and info.st_mode & 0o002):
            self.close()
            raise OSError(f"{self.path}: not a private folder")

    def _at(self, name: str) -> str:
        return name if self.fd is not None else os.path.join(self.path, name)

    def read(self, name: str, private: bool = False) -> bytes | None:
        """The bytes of regular file `name`, or None."""
        try:
            if self.fd is None and not stat.S_ISREG(os.lstat(self._at(name)).st_mode):
                return None
            fd = os.open(self._at(name), os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY,
                         dir_fd=self.fd)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if (not stat.S_ISREG(info.st_mode) or not _owned(info) or info.st_size > MAX_FILE
                    or (private and _POSIX and info.st_mode & 0o077)):
                return None
            return handle.read(MAX_FILE + 1)

    def exists(self, name: str) -> bool:
        try:
            self.lstat(name)
            return True
        except OSError:
            return False

    def create(self, name: str, data: bytes) -> bool:
        """Write a new file `name` (0600); False when something of that name exists."""
        try:
            fd = os.open(self._at(name),
                         os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o600,
                         dir_fd=self.fd)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return True

    def publish(self, name: str, data: bytes) -> bool:
        """Like `create`, but whole or not at all: written aside, then hard-linked."""
        temp = TEMP + os.urandom(16).hex()
        if not self.create(temp, data):
            return False
        try:
            os.link(self._at(temp), self._at(name), src_dir_fd=self.fd, dst_dir_fd=self.fd)
            return True
        except FileExistsError:
            return False
        except (OSError, NotImplementedError):  # no hard links here
            return self.create(name, data)
        finally:
            self.unlink(temp)

    def write(self, name: str, data: bytes) -> None:
        """Replace `name` atomically (a symlink of that name is replaced, not followed)."""
        temp = TEMP + os.urandom(16).hex()
        self.create(temp, data)
        try:
            os.replace(self._at(temp), self._at(name), src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except OSError:
            self.unlink(temp)
            raise

    def names(self) -> list[str]:
        return os.listdir(self.fd if self.fd is not None else self.path)

    def lstat(self, name: str) -> os.stat_result:
        return os.stat(self._at(name), dir_fd=self.fd, follow_symlinks=False)

    def touch(self, name: str) -> None:
        """Mark `name` as just used (its modification time), if the platform allows."""
        try:
            os.utime(self._at(name), dir_fd=self.fd, follow_symlinks=False)
        except (OSError, NotImplementedError):
            pass

    def unlink(self, name: str) -> None:
        try:
            os.unlink(self._at(name), dir_fd=self.fd)
        except OSError:
            pass

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _owned(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()
