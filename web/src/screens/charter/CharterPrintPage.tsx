// Placeholder: replaced by the page itself.
export function CharterPrintPage() {
  return <h1>Charte éthique</h1>;
}
