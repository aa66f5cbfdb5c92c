# PostgreSQL for the storage tests: installs it from Debian when missing (root only), starts the cluster, creates a
# test role that may create databases, and exports PREFERENCEUIKIT_TEST_POSTGRES (an Npgsql connection string).
# Each Postgres test class creates and drops its own database with that role. Without root and without a server the
# script only says so; the Postgres tests then skip, except under CI=true, where they fail.
# Sourced by test.sh (bash, set -euo pipefail): it never exits and it never lets a failing command escape.

preferenceuikit_postgres() {
  local role=preferenceuikit_test password=preferenceuikit_test
  if [ -n "${PREFERENCEUIKIT_TEST_POSTGRES:-}" ]; then
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "20-postgres: PostgreSQL is not installed and this user cannot install it; the PostgreSQL tests will skip." >&2
      return 0
    fi
    echo "20-postgres: installing PostgreSQL from Debian..." >&2
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } || {
      echo "20-postgres: apt-get could not install postgresql." >&2
      return 0
    }
  fi

  # The first cluster (version, name, port, status) as pg_lsclusters lists it; create one if the package made none.
  local version name port status
  read -r version name port status _ < <(pg_lsclusters -h 2>/dev/null | head -n 1) || true
  if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$version" ] || [ "$(id -u)" -ne 0 ]; then
      echo "20-postgres: no PostgreSQL cluster and no way to create one; the PostgreSQL tests will skip." >&2
      return 0
    fi
    pg_createcluster "$version" main >/dev/null 2>&1 || true
    read -r version name port status _ < <(pg_lsclusters -h 2>/dev/null | head -n 1) || true
  fi
  if [ "${status:-}" != "online" ]; then
    if ! pg_ctlcluster "$version" "$name" start >/dev/null 2>&1; then
      echo "20-postgres: could not start cluster $version/$name; the PostgreSQL tests will skip." >&2
      return 0
    fi
  fi

  local psql_admin=(psql -X -q -t -A -p "$port" -d postgres)
  if [ "$(id -u)" -eq 0 ]; then
    psql_admin=(runuser -u postgres -- "${psql_admin[@]}")
  elif [ "$(id -un)" != "postgres" ]; then
    psql_admin=()
  fi
  if [ ${#psql_admin[@]} -gt 0 ]; then
    if [ "$("${psql_admin[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'" 2>/dev/null)" != "1" ]; then
      "${psql_admin[@]}" -c "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'" >/dev/null 2>&1 || {
        echo "20-postgres: could not create the test role." >&2
        return 0
      }
    fi
    if [ "$("${psql_admin[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$role'" 2>/dev/null)" != "1" ]; then
      "${psql_admin[@]}" -c "CREATE DATABASE $role OWNER $role" >/dev/null 2>&1 || true
    fi
  fi
  if ! PGPASSWORD="$password" psql -X -q -t -A -h 127.0.0.1 -p "$port" -U "$role" -d "$role" -c "SELECT 1" >/dev/null 2>&1; then
    echo "20-postgres: cannot sign in as $role on 127.0.0.1:$port (run as root once to create it); the PostgreSQL tests will skip." >&2
    return 0
  fi
  export PREFERENCEUIKIT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$role"
}

preferenceuikit_postgres || true
unset -f preferenceuikit_postgres
