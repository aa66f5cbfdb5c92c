# Chromium for the browser tests (Playwright drives the Debian build; it never downloads one itself).
# Installs `chromium fonts-noto-core` only when the browser is missing (fonts-noto-core renders Devanagari
# for the Hindi pages). Tests read PREFERENCEUIKIT_CHROMIUM for another path.
chromium_path="${PREFERENCEUIKIT_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: installing chromium fonts-noto-core"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y chromium fonts-noto-core >/dev/null 2>&1; then
      apt-get update >/dev/null 2>&1 || true
      apt-get install -y chromium fonts-noto-core >/dev/null 2>&1 \
        || echo "prereqs: could not install chromium; the browser tests will say so" >&2
    fi
  else
    echo "prereqs: $chromium_path is missing and this user cannot install it (apt-get install chromium fonts-noto-core as root); the browser tests will say so" >&2
  fi
fi
unset chromium_path
