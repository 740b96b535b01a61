// A private PostgreSQL 15 cluster for the fault suites: initdb in a temp folder, its own port, run as the
// `postgres` user (the server refuses root), stopped and started under a running service.
import { execFileSync } from "node:child_process"
import { chownSync, mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

const bin = process.env.ACCORD_PG_BIN ?? "/usr/lib/postgresql/15/bin"
const osUser = process.env.ACCORD_PG_OS_USER ?? "postgres"

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

const asPostgres = (command: string, args: ReadonlyArray<string>) =>
  execFileSync("runuser", ["-u", osUser, "--", join(bin, command), ...args], { stdio: "pipe" }).toString()

export interface PrivatePostgres {
  readonly url: string
  readonly port: number
  /** `pg_ctl stop -m fast`: connections are cut, the server is gone until start(). */
  readonly stop: () => void
  readonly start: () => void
  /** Stops the server and deletes its folder. */
  readonly remove: () => void
}

/** Creates and starts a throwaway cluster (trust authentication on 127.0.0.1 only). */
export const startPrivatePostgres = async (): Promise<PrivatePostgres> => {
  const folder = mkdtempSync(join(tmpdir(), "accord-pg-"))
  const uid = Number(execFileSync("id", ["-u", osUser]).toString().trim())
  const gid = Number(execFileSync("id", ["-g", osUser]).toString().trim())
  chownSync(folder, uid, gid)
  const data = join(folder, "data")
  const port = await freePort()
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200`
  const start = () => {
    asPostgres("pg_ctl", ["-D", data, "-o", options, "-l", join(folder, "server.log"), "-w", "start"])
  }
  const stop = () => {
    asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"])
  }
  start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    remove: () => {
      try {
        stop()
      } catch {
        // Already stopped.
      }
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
