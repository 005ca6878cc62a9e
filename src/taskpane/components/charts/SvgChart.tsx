import { memo } from 'react';
import { FONT_FAMILY, type Shape, type SvgLayout } from '../../../core/charts/svg';

/** Shapes mounted together: a run already shown is not rendered again as more come. */
const RUN = 200;

function ShapeElement({ shape: s }: { shape: Shape }) {
  switch (s.k) {
    case 'rect':
      return <rect x={s.x} y={s.y} width={s.w} height={s.h} fill={s.fill} stroke={s.stroke} />;
    case 'line':
      return (
        <line
          x1={s.x1}
          y1={s.y1}
          x2={s.x2}
          y2={s.y2}
          stroke={s.stroke}
          strokeWidth={s.width}
          strokeDasharray={s.dash}
        />
      );
    case 'text':
      return (
        <text
          x={s.x}
          y={s.y}
          fontSize={s.size}
          textAnchor={s.anchor}
          fill={s.fill}
          fontWeight={s.bold ? 'bold' : undefined}
          {...(s.halo ? { stroke: '#FFFFFF', strokeWidth: 3, strokeLinejoin: 'round', paintOrder: 'stroke' } : {})}
        >
          {s.text}
        </text>
      );
  }
}

/** Shapes `from` to `to` of a layout (memo: the same props render nothing new). */
const Shapes = memo(function Shapes({ shapes, from, to }: { shapes: readonly Shape[]; from: number; to: number }) {
  return (
    <>
      {shapes.slice(from, to).map((s, i) => (
        <ShapeElement key={from + i} shape={s} />
      ))}
    </>
  );
});

/**
 * A chart's shapes as SVG, at the size they were laid out for (the same shapes the .docx gets
 * as a PNG). The picture is one image to assistive technology; its numbers are in the table next to it.
 * With `shown`, only the first shapes (the rest come as the page mounts them).
 */
export function SvgChart({ layout, labelledBy, shown }: { layout: SvgLayout; labelledBy: string; shown?: number }) {
  const count = Math.min(shown ?? layout.shapes.length, layout.shapes.length);
  const runs = Math.ceil(count / RUN);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      fontFamily={FONT_FAMILY}
      role="img"
      aria-labelledby={labelledBy}
      style={{ display: 'block', maxWidth: 'none' }}
    >
      {Array.from({ length: runs }, (_, r) => (
        <Shapes key={r} shapes={layout.shapes} from={r * RUN} to={Math.min(count, (r + 1) * RUN)} />
      ))}
    </svg>
  );
}
