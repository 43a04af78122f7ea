import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * The top of a detail page: the document's title, the breadcrumb back to the list the page belongs to,
 * and the heading, followed by the badges given as children.
 */
export function DetailHeader(props: { heading: string; documentTitle: string; backTo: string; backLabel: string; children?: ReactNode }) {
  return (
    <>
      <title>{props.documentTitle}</title>
      <p className="breadcrumb">
        <Link to={props.backTo}>{props.backLabel}</Link>
      </p>
      <h1>
        {props.heading}
        {props.children}
      </h1>
    </>
  );
}
