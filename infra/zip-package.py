#!/usr/bin/env python3
"""Zips a folder for deployment, keeping each file's Unix mode (the custom handler must stay executable).

usage: zip-package.py <folder> <out.zip>
Entries use forward slashes, relative to the folder, in sorted order; directories get no entries of their own.
"""
import os
import sys
import zipfile


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    root, out = argv[1], argv[2]
    if not os.path.isdir(root):
        sys.exit(f"zip-package.py: not a folder: {root}")
    files = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            files.append(os.path.join(folder, name))
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            arcname = os.path.relpath(path, root).replace(os.sep, "/")
            # from_file records the Unix mode in external_attr (high 16 bits) and marks the entry as made on Unix.
            info = zipfile.ZipInfo.from_file(path, arcname)
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as source:
                archive.writestr(info, source.read())
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv)
