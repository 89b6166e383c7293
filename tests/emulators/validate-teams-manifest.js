// Validates a Teams app manifest against the JSON schema of its manifestVersion, as shipped in the
// @microsoft/app-manifest package (offline: never fetches the $schema URL). Prints one line per error.
//   node tests/emulators/validate-teams-manifest.js path/to/manifest.json
// Exit code 0: valid; 1: invalid (errors printed); 2: usage or unreadable input.
"use strict";
const fs = require("fs");
const path = require("path");
const { ManifestUtil } = require("@microsoft/app-manifest");

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node validate-teams-manifest.js <manifest.json>");
    process.exit(2);
  }
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  const version = manifest.manifestVersion;
  const schemaFile = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(schemaFile)) {
    console.error(`no schema for manifestVersion ${version}`);
    process.exit(2);
  }
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
  for (const error of errors) {
    console.log(error);
  }
  console.log(errors.length === 0 ? `valid against ${path.relative(process.cwd(), schemaFile)}` : `${errors.length} error(s)`);
  process.exit(errors.length === 0 ? 0 : 1);
}

main().catch((e) => { console.error(e && e.message ? e.message : e); process.exit(2); });
