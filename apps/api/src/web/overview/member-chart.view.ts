import { html, type Html } from '../views/html';
import type { MemberCounts } from './overview-data';

const SEGMENTS = [
  { key: 'overdue', label: 'überfällig', colour: '#b3261e' },
  { key: 'onTime', label: 'offen oder in Bearbeitung, nicht überfällig', colour: '#2f5d8a' },
  { key: 'reported', label: 'berichtet, Bestätigung ausstehend', colour: '#6b3fa0' },
] as const;

const LABEL_WIDTH = 80;
const BAR_WIDTH = 280;
const ROW = 24;

function segments(row: MemberCounts): Record<(typeof SEGMENTS)[number]['key'], number> {
  return {
    overdue: row.overdue,
    onTime: Math.max(0, row.open + row.inProgress - row.overdue),
    reported: row.reported,
  };
}

/**
 * Open obligations per member as stacked bars. The picture repeats the table next to it (the
 * text alternative for every number); its title and description say what it shows.
 */
export function memberChart(rows: MemberCounts[]): Html {
  const shown = rows.filter((r) => r.open + r.inProgress + r.reported > 0);
  if (shown.length === 0) return html`<p>Keine offenen Pflichten.</p>`;
  const totals = shown.map((r) => r.open + r.inProgress + r.reported);
  const max = Math.max(...totals);
  const height = shown.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + 50;
  const top = [...shown]
    .map((r, i) => ({ code: r.code, total: totals[i] }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 3)
    .map((r) => `${r.code} ${r.total}`)
    .join(', ');
  const bars = shown.map((row, i) => {
    const y = 4 + i * ROW;
    const parts = segments(row);
    let x = LABEL_WIDTH;
    const rects = SEGMENTS.map((segment) => {
      const w = Math.round((parts[segment.key] / max) * BAR_WIDTH);
      const rect = w
        ? html`<rect
            x="${x}"
            y="${y + 3}"
            width="${w}"
            height="${ROW - 8}"
            fill="${segment.colour}"
          ></rect>`
        : html``;
      x += w;
      return rect;
    });
    return html`<g>
      <text x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 4}" text-anchor="end"
        >${row.code === 'weitere' ? 'Weitere' : row.code}</text
      >
      ${rects}
      <text x="${x + 6}" y="${y + ROW / 2 + 4}">${totals[i]}</text>
    </g>`;
  });
  return html`<figure class="chart">
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby="chart-title chart-desc"
      width="${width}"
      height="${height}"
      viewBox="0 0 ${width} ${height}"
      font-size="13"
      font-family="system-ui, sans-serif"
      fill="#1b1b1b"
    >
      <title id="chart-title">Offene Pflichten je Mitglied</title>
      <desc id="chart-desc">
        Gestapelte Balken: überfällig, offen oder in Bearbeitung, berichtet. Die meisten offenen
        Pflichten: ${top}. Alle Zahlen stehen in der Tabelle „Pflichten je Mitglied“.
      </desc>
      ${bars}
    </svg>
    <figcaption>
      ${SEGMENTS.map(
        (s) =>
          html`<span class="legend"
            ><svg width="12" height="12" aria-hidden="true" focusable="false">
              <rect width="12" height="12" fill="${s.colour}"></rect>
            </svg>
            ${s.label}</span
          > `,
      )}
    </figcaption>
  </figure>`;
}
