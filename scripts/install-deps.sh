#!/usr/bin/env bash
# Installs what building and testing hiptrack needs on a Debian/Ubuntu machine. Idempotent: it only
# asks apt for packages that are missing, so a second run does nothing.
set -euo pipefail

packages=(cmake make gcc g++ pkg-config libcmocka-dev binutils)
# The durable store (libhip/store) links SQLite.
packages+=(libsqlite3-dev)
# valgrind memcheck runs the C tests once more in scripts/test.sh.
packages+=(valgrind)
# The Python binding needs an interpreter with venv and its C headers: Debian's unless python3
# already has them (a pyenv or python.org build does).
if ! python3 -c 'import ensurepip, os, sysconfig, venv; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' 2>/dev/null; then
  packages+=(python3 python3-dev python3-venv python3-pip)
fi
# The Java binding: SWIG, JUnit 5 (its console launcher jar) and a JDK (Debian's default unless
# javac is already on PATH).
packages+=(swig junit5)
if ! command -v javac >/dev/null 2>&1; then
  packages+=(default-jdk-headless)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
