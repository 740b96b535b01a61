import { isAbsolute, resolve } from "node:path"
import type { ServerOptions } from "./server.js"
import { userCwd } from "./user-cwd.js"

/** What the service reads from its environment, for `npm start` (main.ts) and `accord serve` alike. */
export type ServiceEnv = Pick<
  ServerOptions,
  "port" | "dataDir" | "databaseUrl" | "databaseSchema" | "corsOrigins"
>

/**
 * PORT (8787), DATA_DIR (./data), DATABASE_URL, DATABASE_SCHEMA and CORS_ORIGINS (comma-separated).
 * Relative paths resolve against the user's folder (userCwd: INIT_CWD only inside `script` itself).
 * Fails with the variable's problem in words.
 */
export const serviceEnv = (
  env: NodeJS.ProcessEnv,
  script: string,
): ServiceEnv | { readonly problem: string } => {
  const port = Number(env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return { problem: `PORT must be an integer 0..65535, got '${env.PORT}'` }
  const dataDir = env.DATA_DIR ?? "data"
  const corsOrigins = (env.CORS_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
  return {
    port,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(userCwd(env, script), dataDir),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_SCHEMA ? { databaseSchema: env.DATABASE_SCHEMA } : {}),
    ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
  }
}
