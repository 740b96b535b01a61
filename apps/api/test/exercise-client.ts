/** A small client for the exercise routes, over any fetch-like function (app.request or a real server). */
export type Fetch = (path: string, init?: RequestInit) => Promise<Response>

export const exerciseClient = (fetch: Fetch) => {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(path, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
    })
  const get = (path: string, token?: string) =>
    fetch(path, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })
  return {
    post,
    get,
    create: async (body: Record<string, unknown> = {}) => {
      const response = await post("/api/exercises", {
        pack: "sybiha-visit-2025",
        name: "Class 4B",
        runs: 100,
        ...body,
      })
      if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`)
      return (await response.json()) as {
        id: string
        facilitatorToken: string
        joinCodes: { japan: string; ukraine: string; russia: string }
      }
    },
    join: async (id: string, joinCode: string, name: string) => {
      const response = await post(`/api/exercises/${id}/teams`, { joinCode, name })
      if (response.status !== 201) throw new Error(`join: ${response.status} ${await response.text()}`)
      return (await response.json()) as { teamId: string; role: string; token: string }
    },
    move: (id: string, token: string, body: unknown) => post(`/api/exercises/${id}/moves`, body, token),
    close: (id: string, token: string, body: unknown = {}) =>
      post(`/api/exercises/${id}/rounds/close`, body, token),
    view: (id: string, token: string) => get(`/api/exercises/${id}`, token),
  }
}

/** One parsed Server-Sent Event. */
export interface SseFrame {
  readonly id: number
  readonly event: string
  readonly data: Record<string, unknown>
}

/** Reads SSE frames from a response until `until` says enough (or the stream ends), then cancels it. */
export const readFrames = async (
  response: Response,
  until: (frames: ReadonlyArray<SseFrame>) => boolean,
): Promise<ReadonlyArray<SseFrame>> => {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  const frames: Array<SseFrame> = []
  let buffer = ""
  try {
    while (!until(frames)) {
      const { done, value } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf("\n\n")
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const fields = new Map<string, string>()
        for (const line of block.split("\n")) {
          const colon = line.indexOf(":")
          if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart())
        }
        if (fields.has("data")) {
          frames.push({
            id: Number(fields.get("id")),
            event: fields.get("event") ?? "message",
            data: JSON.parse(fields.get("data") as string) as Record<string, unknown>,
          })
        }
        end = buffer.indexOf("\n\n")
      }
    }
  } finally {
    await reader.cancel()
  }
  return frames
}
