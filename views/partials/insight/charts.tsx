import { scaleBand, scaleLinear } from 'd3-scale';
import { isHidden, type Shown } from '../../../src/insight/present';

/**
 * Server-rendered SVG charts for Inzicht (issue #14): positions and colours come from d3-scale
 * (band and linear scales), not from hand-written geometry; no script, so they work without
 * JavaScript and print. Each is an image with a title and a description (role="img"); the page
 * puts the data table beside it.
 */

export type Bar = { label: string; value: Shown; text: string };

const WIDTH = 640;

/** Horizontal bars, one per label; a suppressed value ("< 5") has no bar, only its text. */
export function BarChart(p: { id: string; title: string; desc: string; bars: Bar[] }) {
  const row = 26;
  const labelWidth = 240;
  const height = Math.max(1, p.bars.length) * row + 8;
  const y = scaleBand<string>()
    .domain(p.bars.map((_, i) => `${i}`))
    .range([4, height - 4])
    .padding(0.2);
  const max = Math.max(1, ...p.bars.map((b) => (isHidden(b.value) ? 0 : b.value)));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, WIDTH - labelWidth - 70]);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`}>
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {p.bars.map((b, i) => {
        const top = y(`${i}`) ?? 0;
        const w = isHidden(b.value) ? 0 : x(b.value);
        return (
          <g>
            <text x={labelWidth - 8} y={top + y.bandwidth() / 2} text-anchor="end" dominant-baseline="middle" class="chart-label">
              {b.label}
            </text>
            <rect x={labelWidth} y={top} width={w} height={y.bandwidth()} class="chart-bar" />
            <text x={labelWidth + w + 6} y={top + y.bandwidth() / 2} dominant-baseline="middle" class="chart-value">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical bars over time (the twelve months). */
export function ColumnChart(p: { id: string; title: string; desc: string; bars: Bar[] }) {
  const height = 220;
  const bottom = 28;
  const x = scaleBand<string>()
    .domain(p.bars.map((b) => b.label))
    .range([40, WIDTH - 10])
    .padding(0.15);
  const max = Math.max(1, ...p.bars.map((b) => (isHidden(b.value) ? 0 : b.value)));
  const y = scaleLinear()
    .domain([0, max])
    .range([height - bottom, 16])
    .nice();
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`}>
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {y
        .ticks(4)
        // Counts: no tick between two whole numbers (a 0–1 axis has 0 and 1 only).
        .filter(Number.isInteger)
        .map((tick) => (
          <g>
            <line x1={40} x2={WIDTH - 10} y1={y(tick)} y2={y(tick)} class="chart-grid" />
            <text x={34} y={y(tick)} text-anchor="end" dominant-baseline="middle" class="chart-value">
              {tick}
            </text>
          </g>
        ))}
      {p.bars.map((b) => {
        const left = x(b.label) ?? 0;
        const top = isHidden(b.value) ? height - bottom : y(b.value);
        return (
          <g>
            <rect x={left} y={top} width={x.bandwidth()} height={height - bottom - top} class="chart-bar" />
            <text x={left + x.bandwidth() / 2} y={height - bottom + 16} text-anchor="middle" class="chart-label">
              {b.label}
            </text>
            <text x={left + x.bandwidth() / 2} y={top - 4} text-anchor="middle" class="chart-value">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export type HeatCell = { row: string; col: string; share: number | null; text: string };

/** A grid of cells coloured by a share from 0 to 1 (occupancy); the share is written in each cell too. */
export function Heatmap(p: { id: string; title: string; desc: string; rows: string[]; cols: string[]; cells: HeatCell[] }) {
  const cellH = 30;
  const left = 90;
  const height = p.rows.length * cellH + 30;
  const x = scaleBand<string>()
    .domain(p.cols)
    .range([left, WIDTH - 10])
    .padding(0.05);
  const y = scaleBand<string>().domain(p.rows).range([24, height]).padding(0.05);
  const colour = scaleLinear<string>().domain([0, 1]).range(['#eef4fb', '#0b4f8a']).clamp(true);
  const ink = scaleLinear<string>().domain([0, 0.55, 0.56, 1]).range(['#111', '#111', '#fff', '#fff']);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${p.id}-title ${p.id}-desc`}>
      <title id={`${p.id}-title`}>{p.title}</title>
      <desc id={`${p.id}-desc`}>{p.desc}</desc>
      {p.cols.map((c) => (
        <text x={(x(c) ?? 0) + x.bandwidth() / 2} y={14} text-anchor="middle" class="chart-label">
          {c}
        </text>
      ))}
      {p.rows.map((r) => (
        <text x={left - 8} y={(y(r) ?? 0) + y.bandwidth() / 2} text-anchor="end" dominant-baseline="middle" class="chart-label">
          {r}
        </text>
      ))}
      {p.cells.map((c) => (
        <g>
          <rect x={x(c.col) ?? 0} y={y(c.row) ?? 0} width={x.bandwidth()} height={y.bandwidth()} fill={c.share === null ? '#f4f4f4' : colour(c.share)} />
          <text
            x={(x(c.col) ?? 0) + x.bandwidth() / 2}
            y={(y(c.row) ?? 0) + y.bandwidth() / 2}
            text-anchor="middle"
            dominant-baseline="middle"
            fill={c.share === null ? '#111' : ink(c.share)}
            class="chart-cell"
          >
            {c.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
