// Writers for the fault suites: they write through the HTTP API as fast as they can and remember only what
// the service acknowledged (a 201), so that after a SIGKILL and a restart every acknowledged write can be
// looked for. They stop at their first network error (the service is gone).

export interface Acks {
  /** Scenario id → highest acknowledged stream version. */
  readonly scenarios: Map<string, number>
  /** Exercise id → facilitator token and acknowledged move ids. */
  readonly exercises: Map<string, { readonly token: string; readonly moves: Array<string> }>
}

export const emptyAcks = (): Acks => ({ scenarios: new Map(), exercises: new Map() })

const pack = "sybiha-visit-2025"
const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  })

/** Creates scenarios and appends interventions to them until the service stops answering. */
export const scenarioWriter = async (base: string, acks: Acks, onAck: () => void) => {
  try {
    for (;;) {
      const created = await post(`${base}/api/scenarios`, { pack, name: "fault" })
      if (created.status !== 201) throw new Error(`create answered ${created.status}`)
      let { id, version } = (await created.json()) as { id: string; version: number }
      acks.scenarios.set(id, version)
      onAck()
      for (let i = 0; i < 8; i++) {
        const added = await post(`${base}/api/scenarios/${id}/interventions`, {
          expectedVersion: version,
          intervention: { type: "sanctions-package", month: i, coverage: 0.1, enforcement: 0.5 },
        })
        if (added.status !== 201) throw new Error(`append answered ${added.status}`)
        version = ((await added.json()) as { version: number }).version
        acks.scenarios.set(id, version)
      }
    }
  } catch (error) {
    return String(error)
  }
}

/** Creates exercises, joins a team, and submits moves until the service stops answering. */
export const exerciseWriter = async (base: string, acks: Acks, run: number, onAck: () => void) => {
  try {
    for (let game = 0; ; game++) {
      const created = await post(`${base}/api/exercises`, { pack, name: `fault ${run}.${game}`, runs: 50 })
      if (created.status !== 201) throw new Error(`create exercise answered ${created.status}`)
      const exercise = (await created.json()) as {
        id: string
        facilitatorToken: string
        joinCodes: { russia: string }
      }
      const moves: Array<string> = []
      acks.exercises.set(exercise.id, { token: exercise.facilitatorToken, moves })
      onAck()
      const joined = await post(`${base}/api/exercises/${exercise.id}/teams`, {
        joinCode: exercise.joinCodes.russia,
        name: "Moscow",
      })
      if (joined.status !== 201) throw new Error(`join answered ${joined.status}`)
      const { token } = (await joined.json()) as { token: string }
      for (let n = 0; n < 10; n++) {
        const moveId = `m-${run}-${game}-${n}`
        const moved = await post(
          `${base}/api/exercises/${exercise.id}/moves`,
          {
            moveId,
            round: 1,
            move: { type: "counter-measure", measure: n % 2 === 0 ? "evasion" : "rerouting" },
          },
          token,
        )
        if (moved.status !== 201) break
        moves.push(moveId)
      }
    }
  } catch (error) {
    return String(error)
  }
}

/** Every acknowledged write that the service (restarted) does not show, and every stream with a gap. */
export const missingWrites = async (base: string, acks: Acks): Promise<ReadonlyArray<string>> => {
  const problems: Array<string> = []
  for (const [id, acked] of acks.scenarios) {
    const response = await fetch(`${base}/api/scenarios/${id}/events`)
    if (response.status !== 200) {
      problems.push(`scenario ${id}: events answered ${response.status}`)
      continue
    }
    const versions = ((await response.json()) as Array<{ version: number }>).map((e) => e.version)
    if (versions.length < acked)
      problems.push(`scenario ${id}: ${versions.length} events, ${acked} acknowledged`)
    if (versions.some((v, i) => v !== i + 1))
      problems.push(`scenario ${id}: versions not 1..n: ${versions.join(",")}`)
    const state = await fetch(`${base}/api/scenarios/${id}`)
    if (state.status !== 200) problems.push(`scenario ${id}: state answered ${state.status}`)
  }
  for (const [id, { token, moves }] of acks.exercises) {
    const response = await fetch(`${base}/api/exercises/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    if (response.status !== 200) {
      problems.push(`exercise ${id}: state answered ${response.status}`)
      continue
    }
    const text = await response.text()
    for (const moveId of moves)
      if (!text.includes(`"${moveId}"`)) problems.push(`exercise ${id}: move ${moveId} lost`)
  }
  return problems
}
