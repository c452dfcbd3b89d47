// action-validator only understands workflows and actions, so dependabot.yml gets this schema check instead.
// The schema is a deliberately small subset of GitHub's: the keys this repo uses, with their allowed values.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { parse } from "yaml";

const ecosystems = ["bundler", "cargo", "composer", "devcontainers", "docker", "docker-compose", "dotnet-sdk",
  "elm", "github-actions", "gitsubmodule", "gomod", "gradle", "helm", "maven", "mix", "npm", "nuget", "pip",
  "pub", "swift", "terraform", "uv"];
const schema = {
  type: "object",
  required: ["version", "updates"],
  additionalProperties: false,
  properties: {
    version: { const: 2 },
    registries: { type: "object" },
    updates: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["package-ecosystem", "schedule"],
        anyOf: [{ required: ["directory"] }, { required: ["directories"] }],
        additionalProperties: false,
        properties: {
          "package-ecosystem": { enum: ecosystems },
          directory: { type: "string", pattern: "^/" },
          directories: { type: "array", items: { type: "string", pattern: "^/" } },
          schedule: {
            type: "object",
            required: ["interval"],
            properties: { interval: { enum: ["daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "cron"] } },
          },
          groups: {
            type: "object",
            additionalProperties: { type: "object", properties: { patterns: { type: "array", items: { type: "string" } } } },
          },
          "open-pull-requests-limit": { type: "integer", minimum: 0 },
          labels: { type: "array", items: { type: "string" } },
          ignore: { type: "array" },
          "commit-message": { type: "object" },
        },
      },
    },
  },
};

const file = process.argv[2];
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);
const document = parse(readFileSync(file, "utf8"));
if (!validate(document)) {
  for (const error of validate.errors) {
    console.error(`${file}: ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
  }
  process.exit(1);
}
const seen = new Set();
for (const update of document.updates) {
  const key = `${update["package-ecosystem"]} ${update.directory ?? update.directories}`;
  if (seen.has(key)) {
    console.error(`${file}: duplicate update entry for ${key}`);
    process.exit(1);
  }
  seen.add(key);
}
console.log(`${file}: valid (${document.updates.length} update entries)`);
