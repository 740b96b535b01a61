import type { Report } from "../api.js"

/** Runs, seed, horizon and hash of a report; what it is conditioned on; its warnings. */
export const ReportFacts = ({ report }: { readonly report: Report }) => (
  <>
    <p className="report-meta">
      {report.runs.toLocaleString("en-US")} runs · seed {report.seed} · {report.horizonMonths} months · report{" "}
      <code data-testid="report-hash" title={report.hash}>
        {report.hash.slice(0, 12)}
      </code>
      <span className="visually-hidden" data-testid="report-hash-full">
        {report.hash}
      </span>
    </p>
    {report.conditioning && (
      <p className="conditioning" data-testid="conditioning">
        Conditioned on {report.conditioning.observations.length} observation(s) up to{" "}
        {report.conditioning.asOf}: runs weighted by how well they agree with what happened (effective runs{" "}
        {report.conditioning.effectiveRuns} of {report.runs.toLocaleString("en-US")}).
      </p>
    )}
    {(report.warnings ?? []).map((w) => (
      <p key={w} role="alert" className="warning">
        {w}
      </p>
    ))}
  </>
)

/** How to read the fan charts: scenario band, baseline, observations. */
export const ChartLegend = () => (
  <ul className="chart-legend" aria-label="How to read the charts">
    <li>
      <span className="key key-scenario" aria-hidden="true" /> Scenario: the line is the typical run (median);
      8 in 10 runs fall in the band
    </li>
    <li>
      <span className="key key-baseline" aria-hidden="true" /> Baseline (no interventions)
    </li>
    <li>
      <span className="key key-observed" aria-hidden="true" /> Observed since the visit (date, source and
      confidence under each chart)
    </li>
  </ul>
)
