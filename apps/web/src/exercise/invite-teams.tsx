import { type TeamRoleId, teamRoleIds } from "@accord/domain/facts"
import { useEffect, useState } from "react"
import type { Schemas } from "../api-client.js"
import { explainError, fetchJoinCodes } from "./exercise-api.js"
import { joinLink } from "./exercise-session.js"
import { JoinQr } from "./join-qr.js"
import { roleName } from "./move-list.js"

/** One team's card: its QR code, the exercise id, its join code and its join link. */
const InviteCard = ({
  id,
  role,
  code,
}: {
  readonly id: string
  readonly role: TeamRoleId
  readonly code: string
}) => {
  const link = joinLink(id, code)
  return (
    <article className="invite-card" data-role={role}>
      <h3>{roleName(role)}</h3>
      <JoinQr link={link} label={`QR code to join as ${roleName(role)}`} />
      <p>
        Exercise <strong className="code">{id}</strong>
      </p>
      <p>
        Join code{" "}
        <strong className="code" data-testid={`join-code-${role}`}>
          {code}
        </strong>
      </p>
      <p className="join-link">
        <a href={link} data-testid={`join-link-${role}`}>
          {link}
        </a>
      </p>
    </article>
  )
}

/** The facilitator's key for the teacher's other devices, shown on request. */
const FacilitatorKey = ({ token }: { readonly token: string }) => {
  const [showKey, setShowKey] = useState(false)
  return (
    <div className="facilitator-key no-print">
      <h3>Your facilitator key</h3>
      <p className="hint">
        To open this dashboard on another device: Classroom → “Return as facilitator”, with the exercise id
        and this key.
      </p>
      {showKey ? (
        <p>
          <code className="code" data-testid="facilitator-key">
            {token}
          </code>{" "}
          <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(token)}>
            Copy
          </button>
        </p>
      ) : (
        <button type="button" className="secondary" onClick={() => setShowKey(true)}>
          Show the key
        </button>
      )}
    </div>
  )
}

/**
 * The facilitator-only screen that seats the class: per team, its join code,
 * its join link and a QR code of the link (one card per team, to print and
 * hand out or to show on one laptop at a time); and the facilitator's key for
 * the teacher's other devices. Never part of the projector view.
 */
export const InviteTeams = ({
  id,
  token,
  onBack,
}: {
  readonly id: string
  readonly token: string
  readonly onBack: () => void
}) => {
  const [codes, setCodes] = useState<Schemas["ExerciseJoinCodes"]["joinCodes"] | undefined>()
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    fetchJoinCodes(id, token).then(
      (answer) => setCodes(answer.joinCodes),
      (e) => setError(explainError(e)),
    )
  }, [id, token])
  return (
    <section className="invite" aria-labelledby="invite-title">
      <p className="no-print">
        <button type="button" className="secondary" onClick={onBack}>
          Back to the dashboard
        </button>{" "}
        <button type="button" className="secondary" onClick={() => window.print()}>
          Print the team cards
        </button>
      </p>
      <h2 id="invite-title">Invite teams</h2>
      <p className="hint no-print">
        For your eyes only: do not project this screen. Give each team its own card. A code brings any number
        of laptops and phones to the same team, and back again after a page is closed.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {codes && (
        <div className="invite-cards">
          {teamRoleIds.map((role) => (
            <InviteCard key={role} id={id} role={role} code={codes[role]} />
          ))}
        </div>
      )}
      {codes?.observer && (
        <p className="observer-code">
          Observers (a projector, a visiting teacher: read-only, only the rounds you show) join with{" "}
          <strong className="code" data-testid="join-code-observer">
            {codes.observer}
          </strong>
        </p>
      )}
      <FacilitatorKey token={token} />
    </section>
  )
}
