// Placeholder: the tool's referents (issue 15).
export function ToolReferents(_props: { toolSlug: string }) {
  return null;
}
