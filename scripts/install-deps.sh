#!/bin/sh
# Installs what vmcs-audit needs to build, test and fuzz on Debian (bookworm or later).
set -e
pkgs="build-essential cmake pkg-config libjansson-dev libcunit1-dev libncurses-dev libedit-dev tmux clang libclang-rt-dev llvm"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
# shellcheck disable=SC2086
if ! dpkg -s $pkgs >/dev/null 2>&1; then
	$SUDO apt-get update -qq
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
fi
