import type { ReactNode } from 'react';

/** One term of a description list (`<dl className="facts">`…): the term, then its description. */
export function Fact(props: { term: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={props.className}>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}
