// Placeholder: the library documents linked to the tool (issue 15).
export function ToolDocuments(_props: { toolSlug: string }) {
  return null;
}
