#!/usr/bin/env bash
# Every schema under schemas/ compiles in ajv's strict mode (scripts/strict-schemas.mjs).
# Installs ajv from bench/package-lock.json when it is missing (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f bench/node_modules/ajv/package.json ]]; then
  (cd bench && npm ci --no-audit --no-fund)
fi
node scripts/strict-schemas.mjs
