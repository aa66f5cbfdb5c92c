#!/usr/bin/env python3
"""Load benchmark of the real host (Release) on 127.0.0.1 with wrk.

Starts the host on a fresh SQLite database (and PostgreSQL when PREFERENCEUIKIT_TEST_POSTGRES is set and
--postgres is given), seeds contacts through the admin API, mints one distinct signed token per contact, and
measures side by side: a fixed page of the same size from the same process (the floor, enabled only by
Bench:FixedPage=true), GET and HEAD of the preference page, the RFC 8058 one-click POST and the preference-save
POST, at 64 and 256 connections. Afterwards it checks that every acknowledged write is in the consent ledger.
"""
import argparse, base64, hashlib, hmac, http.client, json, os, re, secrets, shutil, signal, socket, sqlite3
import struct, subprocess, sys, tempfile, time, uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HOST_DIR = os.path.join(ROOT, "src", "Host")
HOST_DLL = os.path.join(HOST_DIR, "bin", "Release", "net10.0", "PreferenceUiKit.Host.dll")
LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tokens.lua")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    def __init__(self, port, key):
        self.port, self.key = port, key
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)

    def call(self, method, path, body=None, content_type="application/json", api=True):
        headers = {"Content-Type": content_type} if body is not None else {}
        if api:
            headers["X-Api-Key"] = self.key
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        data = r.read()
        return r.status, data


def mint(secret, key_id, kind, contact_id, issued):
    """The token layout of PreferenceLinkSigner: version|kind, flags, key id, issued-at (BE u32), contact id, HMAC."""
    payload = bytes([(1 << 4) | kind, 0, key_id]) + struct.pack(">I", issued) + uuid.UUID(contact_id).bytes_le
    mac = hmac.new(secret, payload, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(payload + mac).rstrip(b"=").decode()


class Db:
    """Reads the store directly: the signing key, the contact ids and the ledger."""

    def __init__(self, provider, target):
        self.provider, self.target = provider, target

    def query(self, sql):
        if self.provider == "Sqlite":
            with sqlite3.connect(self.target) as c:
                return c.execute(sql).fetchall()
        out = subprocess.run(["psql", "-At", "-F", "\t", "-c", sql], env={**os.environ, **self.target},
                             capture_output=True, text=True, check=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def q(self, name):
        return name if self.provider == "Sqlite" else '"' + name + '"'

    def key(self):
        rows = self.query(f'SELECT {self.q("id")}, {self.q("secret")} FROM link_signing_keys ORDER BY {self.q("id")} DESC')
        key_id, secret = rows[0]
        return int(key_id), base64.b64decode(secret)

    def contacts(self):
        return [str(r[0]).lower() for r in self.query(f'SELECT {self.q("id")} FROM contacts ORDER BY {self.q("email")}')]

    def ledger_max(self):
        return int(self.query(f'SELECT COALESCE(MAX({self.q("sequence")}), 0) FROM consent_ledger')[0][0])

    def ledger_contacts_since(self, seq):
        return int(self.query(f'SELECT COUNT(DISTINCT {self.q("contact_id")}) FROM consent_ledger WHERE {self.q("sequence")} > {seq}')[0][0])


def npgsql_to_libpq(conn, database):
    parts = dict(p.split("=", 1) for p in conn.split(";") if "=" in p)
    low = {k.strip().lower(): v.strip() for k, v in parts.items()}
    env = {"PGHOST": low.get("host", "127.0.0.1"), "PGPORT": low.get("port", "5432"),
           "PGUSER": low.get("username", low.get("user id", "")), "PGPASSWORD": low.get("password", ""), "PGDATABASE": database}
    npgsql = f"Host={env['PGHOST']};Port={env['PGPORT']};Username={env['PGUSER']};Password={env['PGPASSWORD']};Database={database}"
    return env, npgsql


def wrk(url, method, token_file, prefix, body, conns, seconds, threads):
    cmd = ["wrk", "-t", str(threads), "-c", str(conns), "-d", f"{seconds}s", "--timeout", "10s", "-s", LUA, url,
           "--", method, token_file, prefix, body, str(threads)]
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    m = re.search(r"^RESULT (.*)$", out, re.M)
    if not m:
        raise RuntimeError("wrk gave no result:\n" + out)
    return {k: float(v) for k, v in (kv.split("=") for kv in m.group(1).split())}


def head_vs_get(port, tokens, count=300):
    """wrk 4.1 cannot time HEAD (its parser waits for the body the headers announce): one keep-alive client instead."""
    out = {}
    for method in ("GET", "HEAD"):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        times = []
        for t in tokens[:count]:
            start = time.perf_counter()
            c.request(method, "/email/preferences/" + t)
            r = c.getresponse(); r.read()
            assert r.status == 200, r.status
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out[method] = (times[len(times) // 2], times[int(len(times) * 0.99) - 1])
    return out


def run_provider(provider, args, results, group_commit=True):
    work = tempfile.mkdtemp(prefix="puk-load-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    api_key = secrets.token_urlsafe(24)
    env = {**os.environ,
           "ASPNETCORE_ENVIRONMENT": "Production", "ASPNETCORE_URLS": base, "DOTNET_gcServer": os.environ.get("DOTNET_gcServer", "0"),
           "PreferenceCenter__PublicBaseUrl": base, "Admin__ApiKey": api_key, "Storage__Provider": provider,
           "Mail__PickupDirectory": os.path.join(work, "mail"), "Logging__LogLevel__Default": "Warning",
           "Logging__LogLevel__Microsoft.AspNetCore": "Error",
           # The fixed-page floor exists only in this run (a hosting startup in the Components assembly).
           "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES": "PreferenceUiKit.Components", "Bench__FixedPage": "true",
           "Storage__GroupCommit": "true" if group_commit else "false"}
    label = provider if group_commit else provider + " (one commit per request)"
    if provider == "Sqlite":
        db_path = os.path.join(work, "preferences.db")
        env["ConnectionStrings__Preferences"] = f"Data Source={db_path}"
        db = Db(provider, db_path)
    else:
        database = "puk_load_" + secrets.token_hex(4)
        pgenv, npgsql = npgsql_to_libpq(os.environ["PREFERENCEUIKIT_TEST_POSTGRES"], database)
        env["ConnectionStrings__Preferences"] = npgsql + ";Maximum Pool Size=64"
        db = Db(provider, pgenv)
    log = open(os.path.join(work, "host.log"), "w")
    host = subprocess.Popen(["dotnet", HOST_DLL], cwd=HOST_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        for _ in range(240):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2); c.request("GET", "/healthz")
                if c.getresponse().status == 200: break
            except OSError:
                pass
            if host.poll() is not None:
                raise RuntimeError("the host exited; see " + log.name)
            time.sleep(0.5)
        else:
            raise RuntimeError("the host did not answer /healthz")

        a = Api(port, api_key)
        status, data = a.call("POST", "/api/admin/groups", {"name": "Product news", "description": "Launches", "optIn": False})
        assert status in (200, 201), (status, data)
        group_id = json.loads(data)["id"]
        n = args.contacts
        t0 = time.time()
        for start in range(0, n, 20000):
            csv = "email,locale\n" + "".join(f"bench{i:07d}@example.org,en\n" for i in range(start, min(n, start + 20000)))
            status, data = a.call("POST", "/api/admin/contacts/import", csv, content_type="text/csv")
            assert status == 200, (status, data[:300])
        print(f"[{provider}] imported {n} contacts in {time.time() - t0:.1f} s", flush=True)

        ids = db.contacts()
        assert len(ids) >= n, (len(ids), n)
        # The admin API signs a link first (the host creates its signing key on first use); the script then mints
        # the same tokens with that key, and the host accepts them exactly as its own.
        status, data = a.call("POST", "/api/admin/links", {"contactId": ids[0], "kind": "ManagePreferences"})
        assert status == 200, (status, data)
        key_id, secret = db.key()
        issued = int(time.time())
        manage = [mint(secret, key_id, 1, c, issued) for c in ids]
        unsub = [mint(secret, key_id, 2, c, issued) for c in ids]
        assert json.loads(data)["url"].rsplit("/", 1)[1][:4] == manage[0][:4], data
        status, page = a.call("GET", "/email/preferences/" + manage[0], api=False)
        assert status == 200 and b"Product news" in page, status
        page_bytes = len(page)

        def write(name, tokens):
            path = os.path.join(work, name)
            with open(path, "w") as f:
                f.write("\n".join(tokens) + "\n")
            return path

        reads = write("manage-all.txt", manage)
        slices = {}
        per = n // 4
        for k, (kind, c) in enumerate([("oneclick", 64), ("oneclick", 256), ("save", 64), ("save", 256)]):
            src = unsub if kind == "oneclick" else manage
            slices[(kind, c)] = (write(f"{kind}-{c}.txt", src[k * per:(k + 1) * per]), per)

        rows = []
        for conns in args.connections:
            cases = [
                ("fixed page (floor)", "GET", reads, f"/bench/fixed?bytes={page_bytes}&t=", "", None),
                ("preference page GET", "GET", reads, "/email/preferences/", "", None),
                ("one-click POST", "POST", slices[("oneclick", conns)][0], "/email/unsubscribe/", "List-Unsubscribe=One-Click", ("oneclick", conns)),
                ("preference save POST", "POST", slices[("save", conns)][0], "/email/preferences/", f"intent=save&shown={group_id}", ("save", conns)),
            ]
            if not group_commit:
                cases = [c for c in cases if c[5] is not None and c[5][0] == "oneclick"]
            for name, method, tokens, prefix, body, check in cases:
                before = db.ledger_max() if check else 0
                r = wrk(base, method, tokens, prefix, body, conns, args.seconds, args.threads)
                row = {"provider": label, "case": name, "conns": conns, **r}
                if check:
                    time.sleep(0.5)
                    stored = db.ledger_contacts_since(before)
                    acknowledged = min(int(r["ok"]), slices[check][1])
                    row["stored"] = stored
                    row["lost"] = max(0, acknowledged - stored)
                rows.append(row)
                print(f"[{label}] {name} c={conns}: {r['rps']:.0f} req/s p50 {r['p50']:.2f} ms p99 {r['p99']:.2f} ms "
                      f"ok {int(r['ok'])} bad {int(r['bad'])} sockerr {int(r['sockerr'])}"
                      + (f" stored {row['stored']} lost {row['lost']}" + (" (slice wrapped)" if r['wrapped'] else "") if check else ""), flush=True)
        results.extend(rows)
        results.append({"provider": label, "page_bytes": page_bytes})
        if group_commit:
            hg = head_vs_get(port, manage[-300:])
            results.append({"provider": label, "head_vs_get": hg})
            print(f"[{label}] one client, sequential: GET p50 {hg['GET'][0]:.2f} ms p99 {hg['GET'][1]:.2f} ms; "
                  f"HEAD p50 {hg['HEAD'][0]:.2f} ms p99 {hg['HEAD'][1]:.2f} ms", flush=True)
    finally:
        os.killpg(host.pid, signal.SIGTERM)
        try:
            host.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(host.pid, signal.SIGKILL)
        log.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        if provider == "Postgres":
            subprocess.run(["psql", "-c", f"DROP DATABASE IF EXISTS {db.target['PGDATABASE']}"],
                           env={**os.environ, **db.target, "PGDATABASE": "postgres"}, capture_output=True)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--contacts", type=int, default=200_000, help="contacts to seed (a quarter per write run)")
    p.add_argument("--seconds", type=int, default=15)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--connections", type=int, nargs="+", default=[64, 256])
    p.add_argument("--postgres", action="store_true", help="also run on PostgreSQL (PREFERENCEUIKIT_TEST_POSTGRES)")
    p.add_argument("--no-build", action="store_true")
    p.add_argument("--skip-single", action="store_true", help="skip the one-commit-per-request comparison run")
    p.add_argument("--keep", action="store_true", help="keep the work directory (database, host log)")
    args = p.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    if not args.no_build:
        subprocess.run(["dotnet", "build", HOST_DIR, "-c", "Release", "-v", "q", "-nologo"], check=True)
    results = []
    run_provider("Sqlite", args, results)
    if not args.skip_single:
        run_provider("Sqlite", args, results, group_commit=False)
    if args.postgres:
        if os.environ.get("PREFERENCEUIKIT_TEST_POSTGRES"):
            run_provider("Postgres", args, results)
        else:
            print("PostgreSQL skipped: PREFERENCEUIKIT_TEST_POSTGRES is not set (source eng/prereqs/20-postgres.sh).")

    print()
    print("| store | case | conns | req/s | vs floor | p50 ms | p99 ms | 2xx/3xx | other | socket errors | stored | lost |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    floors = {(r["provider"], r["conns"]): r["rps"] for r in results if r.get("case") == "fixed page (floor)"}
    for r in results:
        if "case" not in r:
            continue
        floor = floors.get((r["provider"], r["conns"]))
        ratio = f"{r['rps'] / floor:.2f}" if floor else ""
        print(f"| {r['provider']} | {r['case']} | {r['conns']} | {r['rps']:.0f} | {ratio} | {r['p50']:.2f} | {r['p99']:.2f} | "
              f"{int(r['ok'])} | {int(r['bad'])} | {int(r['sockerr'] + r['timeouts'])} | {r.get('stored', '')} | {r.get('lost', '')} |")
    single = {r["conns"]: r["rps"] for r in results if r.get("case") == "one-click POST" and "one commit" in r["provider"]}
    for r in results:
        if r.get("case") == "one-click POST" and r["provider"] == "Sqlite" and single.get(r["conns"]):
            print(f"group commit vs one commit per request, one-click POST, {r['conns']} connections: {r['rps'] / single[r['conns']]:.2f}x")
        if "head_vs_get" in r:
            hg = r["head_vs_get"]
            print(f"{r['provider']}: one sequential client, GET p50 {hg['GET'][0]:.2f} ms / p99 {hg['GET'][1]:.2f} ms, HEAD p50 {hg['HEAD'][0]:.2f} ms / p99 {hg['HEAD'][1]:.2f} ms")
    for r in results:
        if "page_bytes" in r:
            print(f"{r['provider']}: preference page {r['page_bytes']} bytes (the floor serves the same size)")
    lost = sum(r.get("lost", 0) for r in results)
    print(f"lost writes: {lost}")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
