import { describeSession, germanDate, STATUS_LABELS, type SessionRef } from '@app/domain';
import { toCsv } from './csv.writer';
import { escapeHtml, htmlBarChart, htmlDocument, htmlTable } from './html.writer';
import { escapeMarkdown, markdownTable } from './markdown.writer';
import type { MemberReport, OverdueReportItem, ReportItem } from './member-report.composer';

type SectionKey = keyof MemberReport['sections'];

export const REPORT_SECTION_TITLES: Record<SectionKey, string> = {
  overdue: 'Überfällig',
  dueAtNextSession: 'Fällig zur nächsten Sitzung',
  open: 'Offen',
  doneSinceLastSession: 'Erledigt seit der letzten Sitzung',
};

const SECTIONS = Object.keys(REPORT_SECTION_TITLES) as SectionKey[];
const HEADERS = [
  'Beschluss',
  'Ziffer',
  'Auftrag',
  'Frist',
  'Status',
  'Überfällig',
  'Auftrag öffnen',
];

const isOverdue = (item: ReportItem): item is OverdueReportItem => item.overdueSince !== undefined;

/** "seit 24.10.2020 (3 Tage)", or empty for an item that is not late. */
export function overdueText(item: ReportItem): string {
  return isOverdue(item)
    ? `seit ${germanDate(item.overdueSince)} (${item.daysOverdue} ${item.daysOverdue === 1 ? 'Tag' : 'Tage'})`
    : '';
}

function row(item: ReportItem) {
  return [
    item.resolution,
    item.point,
    item.action,
    item.due,
    STATUS_LABELS[item.status],
    overdueText(item),
    { href: item.link, text: `Auftrag ${item.mandateId}` },
  ];
}

function title(report: MemberReport): string {
  return `Aufträge für ${report.member.name} (${report.member.code})`;
}

function sessionLine(label: string, session: SessionRef | null): string {
  return `${label}: ${session ? describeSession(session) : 'keine bekannt'}`;
}

function facts(report: MemberReport): string[] {
  return [
    `Stand: ${germanDate(report.generatedAt.slice(0, 10))}`,
    sessionLine('Nächste Sitzung', report.nextSession),
    sessionLine('Letzte Sitzung', report.lastSession),
  ];
}

function countBars(report: MemberReport) {
  return [
    { label: 'Offen', value: report.counts.open },
    { label: 'Überfällig', value: report.counts.overdue },
    { label: 'Erledigt', value: report.counts.done },
  ];
}

export function renderReportMarkdown(report: MemberReport): string {
  const parts = [
    `# ${escapeMarkdown(title(report))}`,
    facts(report).map(escapeMarkdown).join('  \n'),
    markdownTable(
      countBars(report).map((bar) => bar.label),
      [countBars(report).map((bar) => bar.value)],
    ),
    ...SECTIONS.flatMap((key) => {
      const items = report.sections[key];
      return [
        `## ${REPORT_SECTION_TITLES[key]} (${items.length})`,
        items.length ? markdownTable(HEADERS, items.map(row)) : '_Keine._',
      ];
    }),
  ];
  return `${parts.join('\n\n')}\n`;
}

export function renderReportHtml(report: MemberReport): string {
  const bars = countBars(report);
  const sections = SECTIONS.map((key) => {
    const items = report.sections[key];
    const heading = `${REPORT_SECTION_TITLES[key]} (${items.length})`;
    return [
      `<section aria-labelledby="${key}">`,
      `<h2 id="${key}">${escapeHtml(heading)}</h2>`,
      items.length ? htmlTable(heading, HEADERS, items.map(row)) : '<p>Keine.</p>',
      '</section>',
    ].join('\n');
  });
  const body = [
    `<h1>${escapeHtml(title(report))}</h1>`,
    `<p>${facts(report).map(escapeHtml).join('<br>\n')}</p>`,
    '<figure>',
    htmlBarChart(`Aufträge: ${bars.map((bar) => `${bar.label} ${bar.value}`).join(', ')}`, bars),
    '<figcaption>Offene, überfällige und seit der letzten Sitzung erledigte Aufträge</figcaption>',
    '</figure>',
    ...sections,
  ].join('\n');
  return htmlDocument(title(report), body);
}

export function renderReportCsv(report: MemberReport): string {
  const rows = SECTIONS.flatMap((key) =>
    report.sections[key].map((item) => [
      REPORT_SECTION_TITLES[key],
      item.resolution,
      item.point,
      item.action,
      item.due,
      item.dueDate && germanDate(item.dueDate),
      STATUS_LABELS[item.status],
      isOverdue(item) ? germanDate(item.overdueSince) : null,
      isOverdue(item) ? item.daysOverdue : null,
      item.source,
      item.link,
    ]),
  );
  return toCsv(
    [
      'Abschnitt',
      'Beschluss',
      'Ziffer',
      'Auftrag',
      'Frist',
      'Fällig am',
      'Status',
      'Überfällig seit',
      'Tage überfällig',
      'Beschlusstext',
      'Link',
    ],
    rows,
  );
}
