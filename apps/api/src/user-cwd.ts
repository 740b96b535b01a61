/**
 * The folder the user typed the command in, against which the paths they give are resolved. npm and pnpm
 * run a script in its package folder (or the workspace root) and keep the user's folder in INIT_CWD; it is
 * trusted only inside `script` itself, since a process started from another script (a test run) inherits a
 * stale one. The one rule for `npm start` (the service) and `pnpm accord` (the CLI).
 */
export const userCwd = (env: NodeJS.ProcessEnv, script: string): string =>
  env.npm_lifecycle_event === script && env.INIT_CWD !== undefined ? env.INIT_CWD : process.cwd()
