export interface ModelNote {
  readonly disclaimer: string
  readonly modelCard: string
}

const fallback: ModelNote = {
  disclaimer: "A teaching model, not a forecast: it shows what the assumptions imply, not what will happen.",
  modelCard: "docs/model.md",
}

// Reports name the model card by its repository path; the build renders it as a page beside the app.
const modelCardHref = (modelCard: string): string =>
  /^https?:\/\//.test(modelCard) ? modelCard : "/model-card.html"

/** The one-line teaching-model disclaimer with a link to the model card, shown on every results view. */
export const ModelDisclaimer = ({ model }: { readonly model?: ModelNote | undefined }) => {
  const note = model ?? fallback
  return (
    <p className="disclaimer" data-testid="disclaimer">
      {note.disclaimer}{" "}
      <a href={modelCardHref(note.modelCard)} target="_blank" rel="noreferrer">
        Read the model card
      </a>
    </p>
  )
}
