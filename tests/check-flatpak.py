#!/usr/bin/env python3
# check-flatpak.py
# Copyright 2026 The Pulse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The flatpak manifest cannot be built here (no runtime download), so check
# what can be checked: it parses, names the development app id, builds the
# meson project in the development profile, and asks for no file system.
import json
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

problems = []
if manifest.get("id") != "io.github.pulsedesk.Pulse.Devel":
    problems.append("id must be io.github.pulsedesk.Pulse.Devel")
if manifest.get("runtime") != "org.gnome.Platform" or int(manifest.get("runtime-version", "0")) < 47:
    problems.append("runtime must be org.gnome.Platform 47 or newer")
if manifest.get("command") != "pulse":
    problems.append("command must be pulse")
if any(a.startswith("--filesystem") for a in manifest.get("finish-args", [])):
    problems.append("no file-system access may be requested")
for needed in ("--share=network", "--socket=wayland", "--socket=fallback-x11"):
    if needed not in manifest.get("finish-args", []):
        problems.append(f"finish-args lacks {needed}")
pulse = [m for m in manifest.get("modules", []) if isinstance(m, dict) and m.get("name") == "pulse"]
if len(pulse) != 1 or pulse[0].get("buildsystem") != "meson":
    problems.append("exactly one meson module named pulse is expected")
elif "-Dprofile=development" not in pulse[0].get("config-opts", []):
    problems.append("the pulse module must build with -Dprofile=development")

for p in problems:
    print("not ok:", p)
if not problems:
    print("ok: flatpak manifest is consistent")
sys.exit(1 if problems else 0)
