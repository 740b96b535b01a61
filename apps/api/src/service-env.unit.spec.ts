import { describe, expect, it } from "vitest"
import { serviceEnv } from "./service-env.js"

describe("the service's environment, read once for npm start and accord serve", () => {
  it("reads every variable", () => {
    const env = serviceEnv(
      {
        PORT: "9000",
        DATA_DIR: "/srv/accord",
        DATABASE_URL: "postgres://db/accord",
        DATABASE_SCHEMA: "accord",
        CORS_ORIGINS: " https://a.example , https://b.example ,",
      },
      "start",
    )
    expect(env).toEqual({
      port: 9000,
      dataDir: "/srv/accord",
      databaseUrl: "postgres://db/accord",
      databaseSchema: "accord",
      corsOrigins: ["https://a.example", "https://b.example"],
    })
  })

  it("trusts INIT_CWD only inside the script that started it", () => {
    const inScript = serviceEnv({ INIT_CWD: "/home/me", npm_lifecycle_event: "start" }, "start")
    expect(inScript).toMatchObject({ dataDir: "/home/me/data" })
    const inherited = serviceEnv({ INIT_CWD: "/stale", npm_lifecycle_event: "test" }, "start")
    expect(inherited).toMatchObject({ dataDir: `${process.cwd()}/data` })
  })

  it("names a bad port", () => {
    expect(serviceEnv({ PORT: "http" }, "start")).toEqual({
      problem: "PORT must be an integer 0..65535, got 'http'",
    })
  })
})
