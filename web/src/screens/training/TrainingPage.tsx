// Placeholder: replaced by the page itself.
export function TrainingPage() {
  return <h1>Formations</h1>;
}
