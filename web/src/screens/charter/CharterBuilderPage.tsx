// Placeholder: replaced by the page itself.
export function CharterBuilderPage() {
  return <h1>Charte éthique</h1>;
}
