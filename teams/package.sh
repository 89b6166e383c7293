#!/usr/bin/env bash
# Builds the Teams app package (a zip with manifest.json and the two icons) for one deployment of the front end.
#   teams/package.sh https://func-helpdesk-prod.azurewebsites.net [app-id-guid] [out.zip]
# The app id must stay the same across versions of the package for one tenant: pass the one you used before.
set -euo pipefail
url="${1:?usage: teams/package.sh https://<function-app-host> [app-id] [out.zip]}"
url="${url%/}"
app_id="${2:-$(cat /proc/sys/kernel/random/uuid)}"
out="${3:-helpdesk-teams.zip}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
host="${url#https://}"; host="${host%%/*}"
case "$url" in https://*) ;; *) echo "The front end must be served over https for Teams: $url" >&2; exit 2 ;; esac
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
sed -e "s|\${{HELPDESK_URL}}|$url|g" -e "s|\${{HELPDESK_HOST}}|$host|g" -e "s|\${{TEAMS_APP_ID}}|$app_id|g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
(cd "$work" && python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED); [z.write(f) for f in ('manifest.json','color.png','outline.png')]; z.close()" "$out")
echo "$out (app id $app_id, tab $url/api/app)"
