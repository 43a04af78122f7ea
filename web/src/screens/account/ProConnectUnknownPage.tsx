// Placeholder: replaced by the page itself.
export function ProConnectUnknownPage() {
  return <h1>Organisation inconnue</h1>;
}
