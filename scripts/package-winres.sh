#!/usr/bin/env bash
# Makes the Windows resource of Bulkops.exe as a .syso the Go linker links in: the icon
# (assets/icon/bulkops.ico, 16…256 px), the version info Explorer shows under
# Properties > Details, and a manifest (Windows 10/11, per-monitor DPI aware).
# Usage: scripts/package-winres.sh WORKDIR OUT.syso   (VERSION as in package-lib.sh)
set -euo pipefail
source "$(dirname "$0")/package-lib.sh"
work=$1 out=$2
mkdir -p "$work"
IFS=. read -r major minor patch <<<"$(appVersion)"
build=$(appBuild)
cat >"$work/bulkops.manifest" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity version="$major.$minor.$patch.$build" processorArchitecture="amd64" name="io.bulkops.desktop" type="win32"/>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application><supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/></application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">permonitorv2,permonitor</dpiAwareness>
    </windowsSettings>
  </application>
</assembly>
XML
cp "$repo/assets/icon/bulkops.ico" "$work/bulkops.ico"
cat >"$work/bulkops.rc" <<RC
#include <winver.h>
1 ICON "bulkops.ico"
1 24 "bulkops.manifest"
1 VERSIONINFO
FILEVERSION $major,$minor,$patch,$build
PRODUCTVERSION $major,$minor,$patch,$build
FILEOS VOS_NT_WINDOWS32
FILETYPE VFT_APP
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "Bulkops"
      VALUE "FileDescription", "Bulkops - bulk configuration of Webex Contact Center"
      VALUE "FileVersion", "$major.$minor.$patch.$build"
      VALUE "InternalName", "bulkops"
      VALUE "OriginalFilename", "Bulkops.exe"
      VALUE "ProductName", "Bulkops"
      VALUE "ProductVersion", "$VERSION"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
RC
(cd "$work" && x86_64-w64-mingw32-windres -O coff -i bulkops.rc -o "$out")
