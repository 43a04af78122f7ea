import type { ReactNode } from 'react';

/** A column heading of a Table: right-aligned when `numeric`; read by screen readers only when `hidden`. */
export interface Column {
  label: string;
  numeric?: boolean;
  hidden?: boolean;
}

/**
 * A data table: its caption (for screen readers only unless `showCaption`), a row of column headings,
 * the rows given as children and an optional footer row; inside a horizontal scroller when `scroll`.
 */
export function Table(props: {
  caption: string;
  showCaption?: boolean;
  columns: readonly (Column | string)[];
  className?: string;
  scroll?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const columns = props.columns.map((column) => (typeof column === 'string' ? { label: column } : column));
  const table = (
    <table className={props.className ? `table ${props.className}` : 'table'}>
      <caption className={props.showCaption ? undefined : 'visually-hidden'}>{props.caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={column.numeric ? 'numeric' : undefined}>
              {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
      {props.footer ? <tfoot>{props.footer}</tfoot> : null}
    </table>
  );
  return props.scroll ? <div className="table-scroll">{table}</div> : table;
}

/** A right-aligned cell, labelled for the stacked layout of narrow screens. */
export function NumericCell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td data-label={label} className="numeric">
      {children}
    </td>
  );
}

/** The population column of the tables of collectivités. */
export const POPULATION: Column = { label: 'Population', numeric: true };
