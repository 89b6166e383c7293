#!/usr/bin/env bash
# Builds the Teams app package (a zip with manifest.json and the two icons) for one deployment of the front end.
#   teams/package.sh https://func-helpdesk-prod.azurewebsites.net <client-id> [app-id-guid] [out.zip]
# <client-id>: the Entra app registration agents sign in with (agentsAuthClientId of infra/main.bicep); the tab gets
# its token for it with Teams single sign-on (webApplicationInfo). The app id must stay the same across versions of
# the package for one tenant: pass the one you used before (and set it as teamsAppId of the deployment).
set -euo pipefail
usage="usage: teams/package.sh https://<function-app-host> <client-id> [app-id] [out.zip]"
url="${1:?$usage}"
url="${url%/}"
client_id="${2:?$usage}"
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
[[ "$client_id" =~ $guid ]] || { echo "client-id must be the app registration's application (client) id, a GUID: $client_id" >&2; exit 2; }
app_id="${3:-$(cat /proc/sys/kernel/random/uuid)}"
[[ "$app_id" =~ $guid ]] || { echo "app-id must be a GUID: $app_id" >&2; exit 2; }
out="${4:-helpdesk-teams.zip}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
host="${url#https://}"; host="${host%%/*}"
case "$url" in https://*) ;; *) echo "The front end must be served over https for Teams: $url" >&2; exit 2 ;; esac
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
sed -e "s|\${{HELPDESK_URL}}|$url|g" -e "s|\${{HELPDESK_HOST}}|$host|g" -e "s|\${{TEAMS_APP_ID}}|$app_id|g" -e "s|\${{TEAMS_CLIENT_ID}}|$client_id|g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
(cd "$work" && python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED); [z.write(f) for f in ('manifest.json','color.png','outline.png')]; z.close()" "$out")
echo "$out (app id $app_id, client id $client_id, tab $url/api/app/teams)"
