// Placeholder: replaced by the page itself.
export function MembershipQueuePage() {
  return <h1>Adhésions en attente</h1>;
}
