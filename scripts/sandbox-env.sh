# Sourced by the scripts: start_sandbox starts the sandbox on a free port,
# waits until it listens, and exports WHATSJET_SANDBOX_URL; it is stopped
# when the calling shell exits.
start_sandbox() {
  local log
  log=$(mktemp)
  "${CARGO_TARGET_DIR:-target}/debug/whatsjet-sandbox" --port 0 "$@" >"$log" 2>&1 &
  SANDBOX_PID=$!
  trap 'kill $SANDBOX_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    if grep -q '^WHATSJET_SANDBOX_URL=' "$log"; then
      export WHATSJET_SANDBOX_URL
      WHATSJET_SANDBOX_URL=$(sed -n 's/^WHATSJET_SANDBOX_URL=//p' "$log" | head -1)
      return 0
    fi
    sleep 0.1
  done
  cat "$log" >&2
  echo "the sandbox did not start" >&2
  return 1
}
