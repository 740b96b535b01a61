import { isAbsolute, relative, resolve } from "node:path"

/**
 * The directory the user typed the command in. `pnpm accord …` runs the
 * script from the workspace root and keeps the caller's directory in
 * INIT_CWD. INIT_CWD is trusted only inside the `accord` script itself: a
 * binary started from another script (a test run) inherits a stale one.
 */
export const userCwd = (): string =>
  process.env.npm_lifecycle_event === "accord" && process.env.INIT_CWD !== undefined
    ? process.env.INIT_CWD
    : process.cwd()

/** A path as the user gave it, resolved against their directory. */
export const resolveUserPath = (path: string): string => (isAbsolute(path) ? path : resolve(userCwd(), path))

/** A path shown back to the user: relative to their directory when inside it. */
export const displayPath = (absolute: string): string => {
  const rel = relative(userCwd(), absolute)
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? absolute : rel
}
