import { isAbsolute, relative, resolve } from "node:path"
import { userCwd as userCwdOf } from "@accord/api/user-cwd"

/** The directory the user typed `pnpm accord …` in (the one rule for INIT_CWD: @accord/api/user-cwd). */
export const userCwd = (): string => userCwdOf(process.env, "accord")

/** A path as the user gave it, resolved against their directory. */
export const resolveUserPath = (path: string): string => (isAbsolute(path) ? path : resolve(userCwd(), path))

/** A path shown back to the user: relative to their directory when inside it. */
export const displayPath = (absolute: string): string => {
  const rel = relative(userCwd(), absolute)
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? absolute : rel
}
