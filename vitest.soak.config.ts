import { defineConfig } from "vitest/config"

// `pnpm test:soak`: the suites that take minutes (load, SIGKILL faults, PostgreSQL stopped under the
// service, three instances on one database). Not part of `pnpm test`; see docs/reliability.md.
export default defineConfig({
  test: {
    name: "soak",
    include: ["apps/api/test/proof/**/*.soak.ts"],
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 120_000,
    reporters: ["verbose"],
  },
})
