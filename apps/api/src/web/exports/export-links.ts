import { html, type Html } from '../views/html';
import { overviewHref, type OverviewFilters } from '../overview/overview-filters';

/** Links to a list's CSV files, with the list's filters (every page of it, not just this one). */
export function exportLinks(filters: Partial<OverviewFilters>): Html {
  const search = overviewHref({ sort: '-meeting', ...filters, page: 1 }).split('?')[1];
  const query = search ? `?${search}` : '';
  return html`<p class="downloads">
    Als CSV-Datei für Excel herunterladen:
    <a href="/exports/mandates.csv${query}" download>Aufträge</a> ·
    <a href="/exports/obligations.csv${query}" download>Pflichten, eine Zeile je Mitglied</a>
  </p>`;
}
