import { germanDate } from '@app/domain';
import { escapeHtml, htmlLink } from './html.writer';

export interface ReportNoticeInput {
  member: { code: string; name: string };
  recipient: { name: string };
  resolution: string;
  point: number;
  action: string;
  mandateId: number;
  /** Who reported it (the delegate's e-mail address) and when (ISO timestamp). */
  reportedBy: string;
  at: string;
  note: string | null;
  /** The evidence link the delegate gave, if any. */
  evidence: string | null;
  baseUrl: string;
}

export interface ReportNotice {
  subject: string;
  text: string;
  html: string;
}

/**
 * The mail to the secretariat when a member's delegate reports an obligation as delivered: who,
 * which mandate, the note and evidence, and where to confirm it as done.
 */
export function composeReportNotice(input: ReportNoticeInput): ReportNotice {
  const what = `Beschluss ${input.resolution}, Ziffer ${input.point}`;
  const subject = `mandate-tracker: ${input.member.name} meldet ${what} als erledigt`;
  const link = `${input.baseUrl}/mandates/${input.mandateId}`;
  const facts: Array<[string, string]> = [
    ['Mitglied', `${input.member.name} (${input.member.code})`],
    ['Auftrag', `${what}: ${input.action}`],
    ['Gemeldet von', `${input.reportedBy} am ${germanDate(input.at.slice(0, 10))}`],
    ...(input.note ? [['Vermerk', input.note] as [string, string]] : []),
    ...(input.evidence ? [['Nachweis', input.evidence] as [string, string]] : []),
  ];
  const lead = `${input.member.name} hat einen Auftrag als berichtet gemeldet. Bitte prüfen und als erledigt bestätigen:`;
  return factsMail({ subject, recipient: input.recipient.name, lead, facts, link });
}

/**
 * A short mail about one mandate, as text and HTML: greeting, a lead sentence, the facts as
 * "label: value" lines, and the link to the mandate.
 */
export function factsMail(input: {
  subject: string;
  recipient: string;
  lead: string;
  facts: Array<[string, string]>;
  link: string;
}): ReportNotice {
  const { lead, facts, link } = input;
  const text = [
    `Guten Tag ${input.recipient},`,
    '',
    lead,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    link,
  ].join('\n');
  const html = [
    `<p>Guten Tag ${escapeHtml(input.recipient)},</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    '<dl>',
    ...facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`),
    '</dl>',
    `<p>${htmlLink({ href: link, text: 'Auftrag öffnen' })}</p>`,
  ].join('\n');
  return { subject: input.subject, text: `${text}\n`, html };
}
