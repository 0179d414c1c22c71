#!/usr/bin/env bash
# The check step of the naplint GitHub Action (action.yml), kept as a script so that
# crates/naplint-cli/tests/action.rs runs it as the runner does. Inputs come as
# environment variables, never interpolated into the script:
#   NAPLINT        the naplint binary
#   NAPLINT_PATHS  files and directories, separated by spaces or newlines (no globbing)
#   NAPLINT_FORMAT format of the log: github (annotations), human, json or junit
#   NAPLINT_PREVIOUS the previous year's report, or empty
#   NAPLINT_CONFIG the configuration, or empty
#   NAPLINT_BASE_CONFIG_DIR  on a pull request: the base branch's checkout of the
#                  configuration; then the pull request's naplint.toml files and
#                  baselines are ignored (--isolated) and the base branch's is used
#   NAPLINT_SARIF  where to write SARIF
#   GITHUB_OUTPUT  where `exit-code` and `sarif` are written
# Exits 0; naplint's own exit code (0 clean, 1 errors, 2 failure) is the `exit-code` output.
set -euo pipefail

args=()
config="${NAPLINT_CONFIG:-}"
if [[ -n "${NAPLINT_BASE_CONFIG_DIR:-}" ]]; then
  args+=(--isolated --root .)
  base_config="$NAPLINT_BASE_CONFIG_DIR/${config:-naplint.toml}"
  if [[ -f "$base_config" ]]; then
    args+=(--config "$base_config")
    echo "naplint: configuration from the base branch: ${config:-naplint.toml}"
  elif [[ -n "$config" ]]; then
    echo "::error::naplint: \`$config\` is not on the base branch" >&2
    exit 2
  else
    echo "naplint: no naplint.toml on the base branch: default configuration"
  fi
elif [[ -n "$config" ]]; then
  args+=(--config "$config")
fi
if [[ -n "${NAPLINT_PREVIOUS:-}" ]]; then
  args+=(--previous "$NAPLINT_PREVIOUS")
fi

set -f
# shellcheck disable=SC2206 # splitting on whitespace is the input's documented form
paths=(${NAPLINT_PATHS:-.})
set +f

status=0
"$NAPLINT" check "${paths[@]}" --format "${NAPLINT_FORMAT:-github}" "${args[@]}" || status=$?
sarif_status=0
"$NAPLINT" check "${paths[@]}" --format sarif "${args[@]}" > "$NAPLINT_SARIF" || sarif_status=$?
if (( sarif_status > 1 )); then
  echo "::error::naplint: the SARIF run failed (exit $sarif_status)" >&2
  status=2
fi
{
  echo "exit-code=$status"
  echo "sarif=$NAPLINT_SARIF"
} >> "$GITHUB_OUTPUT"
echo "naplint: exit code $status, SARIF in $NAPLINT_SARIF"
