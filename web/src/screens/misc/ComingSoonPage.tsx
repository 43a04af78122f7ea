/** A section announced in the navigation whose screens are not built yet. */
export function ComingSoonPage({ title, children }: { title: string; children: string }) {
  return (
    <>
      <title>{`${title} — Mutualis`}</title>
      <h1>{title}</h1>
      <p className="lead">{children}</p>
      <p className="notice">Cette fonctionnalité arrive bientôt.</p>
    </>
  );
}
