import { teamRoleIds } from "@accord/domain/facts"
import QRCode from "qrcode"
import { useEffect, useState } from "react"
import type { Schemas } from "../api-client.js"
import { explainError, fetchJoinCodes } from "./exercise-api.js"
import { joinLink } from "./exercise-session.js"
import { roleName } from "./move-list.js"

const ROLES = teamRoleIds

/** A QR code of a join link, drawn as SVG by the `qrcode` library (inline, so it prints and scales). */
const JoinQr = ({ link, label }: { readonly link: string; readonly label: string }) => {
  const [svg, setSvg] = useState<string | undefined>()
  useEffect(() => {
    let live = true
    QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then(
      (text) => live && setSvg(text),
      () => live && setSvg(undefined),
    )
    return () => {
      live = false
    }
  }, [link])
  if (svg === undefined) return null
  return (
    <div
      className="join-qr"
      role="img"
      aria-label={label}
      // The SVG comes from the QR library, built from our own link: no user text reaches it unescaped.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: library-made SVG of a URL we built
      dangerouslySetInnerHTML={{ __html: svg }}
    />
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
  const [showKey, setShowKey] = useState(false)
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
          {ROLES.map((role) => {
            const link = joinLink(id, codes[role])
            return (
              <article key={role} className="invite-card" data-role={role}>
                <h3>{roleName(role)}</h3>
                <JoinQr link={link} label={`QR code to join as ${roleName(role)}`} />
                <p>
                  Exercise <strong className="code">{id}</strong>
                </p>
                <p>
                  Join code{" "}
                  <strong className="code" data-testid={`join-code-${role}`}>
                    {codes[role]}
                  </strong>
                </p>
                <p className="join-link">
                  <a href={link} data-testid={`join-link-${role}`}>
                    {link}
                  </a>
                </p>
              </article>
            )
          })}
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
    </section>
  )
}
