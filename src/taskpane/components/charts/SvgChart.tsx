import { FONT_FAMILY, type Shape, type SvgLayout } from '../../../core/charts/svg';

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

/**
 * A chart's shapes as SVG, at the size they were laid out for (the same shapes the .docx gets
 * as a PNG). The picture is one image to assistive technology; its numbers are in the table next to it.
 */
export function SvgChart({ layout, labelledBy }: { layout: SvgLayout; labelledBy: string }) {
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
      {layout.shapes.map((s, i) => (
        <ShapeElement key={i} shape={s} />
      ))}
    </svg>
  );
}
