import { useId } from 'react';

/** Paragraphs of a text: blank lines separate them. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The charter as it will be printed, updated as the form changes (the published text is the server's). */
export function CharterPreview(props: {
  organizationName: string;
  preamble: string;
  principles: readonly { title: string; text: string }[];
  references: readonly { label: string; url?: string | null }[];
}) {
  const headingId = useId();
  return (
    <section className="panel charter-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>Aperçu</h2>
      <div className="charter-document">
        <h3 className="charter-document__title">Charte éthique de l’intelligence artificielle — {props.organizationName}</h3>
        <h4>Préambule</h4>
        {paragraphs(props.preamble).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {props.principles.length === 0 ? <p className="muted">Aucun principe choisi pour l’instant.</p> : null}
        {props.principles.map((p, i) => (
          <div key={i}>
            <h4>
              {i + 1}. {p.title.trim() || 'Principe sans titre'}
            </h4>
            {paragraphs(p.text).map((text, j) => (
              <p key={j}>{text}</p>
            ))}
          </div>
        ))}
        <h4>Références</h4>
        <ul>
          {props.references.map((r) => (
            <li key={r.label}>{r.label}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
