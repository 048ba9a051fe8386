"""Operating-system errors in the window's language: "无法保存 …：文件夹不存在", not the C library's
English ("No such file or directory") in the middle of a Chinese sentence.

The common causes an officer can act on are worded by ``errno``; anything else keeps the system's
own text, after the words "system error" so the sentence still reads.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication


def _worded() -> dict[int, str]:
    return {
        errno.ENOENT: QCoreApplication.translate("OsErrors", "the folder or file does not exist"),
        errno.ENOTDIR: QCoreApplication.translate("OsErrors", "part of the path is not a folder"),
        errno.EISDIR: QCoreApplication.translate("OsErrors", "that is a folder, not a file"),
        errno.EACCES: QCoreApplication.translate("OsErrors", "no permission to write there"),
        errno.EPERM: QCoreApplication.translate(
            "OsErrors", "the operating system does not allow it"
        ),
        errno.EROFS: QCoreApplication.translate("OsErrors", "the disk is read-only"),
        errno.ENOSPC: QCoreApplication.translate("OsErrors", "the disk is full"),
        errno.EDQUOT: QCoreApplication.translate("OsErrors", "the disk quota is used up"),
        errno.ENAMETOOLONG: QCoreApplication.translate("OsErrors", "the file name is too long"),
        errno.EEXIST: QCoreApplication.translate("OsErrors", "a file of that name already exists"),
        errno.EBUSY: QCoreApplication.translate(
            "OsErrors", "the file is in use by another program"
        ),
        errno.EINVAL: QCoreApplication.translate("OsErrors", "the file name is not allowed here"),
    }


def os_error_text(exc: OSError) -> str:
    """Why ``exc`` happened, in the window's language (no path: the caller's sentence has it)."""
    worded = _worded().get(exc.errno or -1)
    if worded is not None:
        return worded
    detail = exc.strerror or type(exc).__name__
    return QCoreApplication.translate("OsErrors", "system error: {detail}").format(detail=detail)
