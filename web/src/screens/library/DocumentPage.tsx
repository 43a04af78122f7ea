// Placeholder: replaced by the page itself.
export function DocumentPage() {
  return <h1>Document</h1>;
}
