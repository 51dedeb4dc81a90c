#!/bin/sh
# Installs or uninstalls Bulkops from this unpacked archive (the Makefile beside it calls
# it). Every path is quoted: a home or prefix with spaces works.
#   install.sh install ROOT        ROOT/bin/bulkops, ROOT/share/{applications,icons,man,doc}
#   install.sh uninstall ROOT
#   install.sh user-install        ROOT = ~/.local; the desktop file names the binary by its
#   install.sh user-uninstall      full path, as ~/.local/bin may not be on PATH
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app=io.bulkops.desktop
sizes="16 32 48 64 128 256 512"
action=$1
case $action in
  user-*) root=${DESTDIR:-}$HOME/.local; action=${action#user-}; user=1 ;;
  *) root=$2; user= ;;
esac

# files SRC DEST MODE: the files of the archive and where they go under root.
files() {
  echo "usr/local/bin/bulkops|bin/bulkops|755"
  echo "usr/local/share/applications/$app.desktop|share/applications/$app.desktop|644"
  for s in $sizes; do
    echo "usr/local/share/icons/hicolor/${s}x${s}/apps/$app.png|share/icons/hicolor/${s}x${s}/apps/$app.png|644"
  done
  for m in "$here"/usr/local/share/man/man1/*.1; do
    m=${m##*/}
    echo "usr/local/share/man/man1/$m|share/man/man1/$m|644"
  done
  for d in LICENSE NOTICE THIRD_PARTY_NOTICES.txt; do
    echo "usr/local/share/doc/bulkops/$d|share/doc/bulkops/$d|644"
  done
}

# desktopExec quotes the binary's path as the desktop entry spec wants it in Exec.
desktopExec() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\\\&/g')"
}

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$root/share/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$root/share/icons/hicolor" 2>/dev/null || true
}

case $action in
install)
  files | while IFS='|' read -r src dest mode; do
    install -Dm"$mode" "$here/$src" "$root/$dest"
  done
  if [ -n "$user" ]; then
    exec=$(desktopExec "$root/bin/bulkops")
    desktop="$root/share/applications/$app.desktop"
    awk -v exec="$exec" '/^Exec=/ { print "Exec=" exec " %F"; next } /^TryExec=/ { next } { print }' "$desktop" >"$desktop.tmp"
    mv "$desktop.tmp" "$desktop"
  fi
  refresh
  echo "Bulkops installed in $root (bulkops, its desktop entry, icons, man pages)."
  ;;
uninstall)
  files | while IFS='|' read -r src dest mode; do
    rm -f "$root/$dest"
  done
  rmdir "$root/share/doc/bulkops" 2>/dev/null || true
  refresh
  echo "Bulkops removed from $root."
  echo "Left in place: each user's data folder (\${XDG_CONFIG_HOME:-~/.config}/bulkops, or \$BULKOPS_HOME:"
  echo "profiles, jobs, drafts) and the sign-ins and client secrets in the system keyring (service"
  echo "\"bulkops\"). Before uninstalling, 'bulkops logout --forget-secret --profile NAME' deletes"
  echo "a profile's keyring entries; delete the data folder by hand."
  ;;
*) echo "usage: install.sh install|uninstall ROOT, or user-install|user-uninstall" >&2; exit 2 ;;
esac
