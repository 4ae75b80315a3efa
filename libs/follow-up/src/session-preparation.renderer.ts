import { describeSession, germanDate, STATUS_LABELS } from '@app/domain';
import { toCsv } from './csv.writer';
import { escapeHtml, htmlDocument, htmlTable } from './html.writer';
import { escapeMarkdown, markdownTable } from './markdown.writer';
import type { ReportItem } from './member-report.composer';
import { overdueText } from './member-report.renderer';
import {
  type PreparationOwner,
  type SessionPreparation,
  STATUS_ORDER,
} from './session-preparation.composer';

const HEADERS = ['Beschluss', 'Ziffer', 'Auftrag', 'Frist', 'Überfällig', 'Auftrag öffnen'];

const row = (item: ReportItem) => [
  item.resolution,
  item.point,
  item.action,
  item.due,
  overdueText(item),
  { href: item.link, text: `Auftrag ${item.mandateId}` },
];

function title(preparation: SessionPreparation): string {
  const session = preparation.session ?? { number: preparation.requested, date: null };
  const moved =
    session.number === preparation.requested
      ? ''
      : `, statt der abgesagten ${preparation.requested}. Sitzung`;
  return `Vorbereitung der ${describeSession(session)}${moved}`;
}

function ownerTitle(owner: PreparationOwner): string {
  return owner.name === owner.owner ? owner.name : `${owner.name} (${owner.owner})`;
}

function summary(preparation: SessionPreparation): Array<[string, number]> {
  return [
    ['insgesamt', preparation.counts.total],
    ['davon überfällig', preparation.counts.overdue],
    ...STATUS_ORDER.filter((status) => preparation.counts.byStatus[status] > 0).map(
      (status): [string, number] => [STATUS_LABELS[status], preparation.counts.byStatus[status]],
    ),
  ];
}

function generated(preparation: SessionPreparation): string {
  return `Stand: ${germanDate(preparation.generatedAt.slice(0, 10))}`;
}

export function renderSessionPreparationMarkdown(preparation: SessionPreparation): string {
  const parts = [
    `# ${escapeMarkdown(title(preparation))}`,
    generated(preparation),
    markdownTable(['Aufträge', 'Anzahl'], summary(preparation)),
    ...preparation.owners.flatMap((owner) => [
      `## ${escapeMarkdown(ownerTitle(owner))} (${owner.count})`,
      ...owner.groups.flatMap((group) => [
        `### ${STATUS_LABELS[group.status]} (${group.items.length})`,
        markdownTable(HEADERS, group.items.map(row)),
      ]),
    ]),
  ];
  if (preparation.owners.length === 0) parts.push('_Zu dieser Sitzung ist nichts fällig._');
  return `${parts.join('\n\n')}\n`;
}

export function renderSessionPreparationHtml(preparation: SessionPreparation): string {
  const owners = preparation.owners.map((owner, index) =>
    [
      `<section aria-labelledby="owner-${index}">`,
      `<h2 id="owner-${index}">${escapeHtml(`${ownerTitle(owner)} (${owner.count})`)}</h2>`,
      ...owner.groups.flatMap((group) => [
        `<h3>${escapeHtml(`${STATUS_LABELS[group.status]} (${group.items.length})`)}</h3>`,
        htmlTable(
          `${ownerTitle(owner)}: ${STATUS_LABELS[group.status]}`,
          HEADERS,
          group.items.map(row),
        ),
      ]),
      '</section>',
    ].join('\n'),
  );
  const body = [
    `<h1>${escapeHtml(title(preparation))}</h1>`,
    `<p>${escapeHtml(generated(preparation))}</p>`,
    htmlTable('Übersicht', ['Aufträge', 'Anzahl'], summary(preparation)),
    ...(owners.length ? owners : ['<p>Zu dieser Sitzung ist nichts fällig.</p>']),
  ].join('\n');
  return htmlDocument(title(preparation), body);
}

export function renderSessionPreparationCsv(preparation: SessionPreparation): string {
  const rows = preparation.owners.flatMap((owner) =>
    owner.groups.flatMap((group) =>
      group.items.map((item) => [
        owner.owner,
        owner.name,
        STATUS_LABELS[group.status],
        item.resolution,
        item.point,
        item.action,
        item.due,
        item.overdueSince ?? '',
        item.source,
        item.link,
      ]),
    ),
  );
  return toCsv(
    [
      'Zuständig',
      'Name',
      'Status',
      'Beschluss',
      'Ziffer',
      'Auftrag',
      'Frist',
      'Überfällig seit',
      'Beschlusstext',
      'Link',
    ],
    rows,
  );
}
