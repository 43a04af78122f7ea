import type { ReactNode } from 'react';

/**
 * The value written at the end of a horizontal SVG bar ending at `end`: `gap` after it, or right-aligned
 * inside it (with the `--inside` modifier of `className`) when there is no room after it. Centred on `y`,
 * by its middle line (`middle`) or by a 0.32em shift.
 */
export function BarValue(props: { end: number; y: number; gap: number; inside: boolean; className: string; middle?: boolean; children: ReactNode }) {
  const { end, gap, inside, className } = props;
  const baseline = props.middle ? { dominantBaseline: 'middle' as const } : { dy: '0.32em' };
  return (
    <text x={inside ? end - gap : end + gap} y={props.y} {...baseline} textAnchor={inside ? 'end' : 'start'} className={inside ? `${className} ${className}--inside` : className}>
      {props.children}
    </text>
  );
}
