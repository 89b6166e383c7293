#!/usr/bin/env bash
# Runs every test of the repository on a fresh machine of our kind (.NET SDK, Node.js, npm).
# It installs what the tests need by itself, then runs the whole solution's tests.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Browser tests (tests/Helpdesk.Web.Tests) drive Debian's Chromium through Playwright.
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
# Loopback emulators for the adapter tests (Azurite, @vercel/cosmosdb-server): installed once, reinstalled only when
# the lock file changes.
if [ ! -f tests/emulators/node_modules/.package-lock.json ] || [ tests/emulators/package-lock.json -nt tests/emulators/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/emulators --no-audit --no-fund --loglevel=error >/dev/null
fi

dotnet test --solution Serverless.sln
