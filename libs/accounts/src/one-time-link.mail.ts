import { escapeHtml } from '@app/follow-up';
import type { OneTimePurpose } from '@app/persistence';

export interface OneTimeLinkMail {
  subject: string;
  text: string;
  html: string;
}

/** How long each kind of link works: an invitation a week, a forgotten password an hour. */
export const LINK_LIFETIME_MS: Record<OneTimePurpose, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

const LIFETIME_WORDS: Record<OneTimePurpose, string> = {
  invitation: 'sieben Tage',
  reset: 'eine Stunde',
};

/** The mail that carries a one-time link: plain German, the link on a line of its own. */
export function composeOneTimeLinkMail(input: {
  purpose: OneTimePurpose;
  name: string;
  link: string;
  appName: string;
}): OneTimeLinkMail {
  const { purpose, name, link, appName } = input;
  const subject =
    purpose === 'invitation'
      ? `Einladung: Ihr Zugang zur ${appName}`
      : `Neues Passwort für die ${appName}`;
  const lead =
    purpose === 'invitation'
      ? `die Geschäftsstelle hat für Sie einen Zugang zur ${appName} eingerichtet. Über den folgenden Link legen Sie Ihr Passwort fest und sind danach angemeldet:`
      : `für Ihr Konto wurde ein neues Passwort angefordert. Über den folgenden Link legen Sie ein neues Passwort fest und sind danach angemeldet:`;
  const close = `Der Link gilt ${LIFETIME_WORDS[purpose]} und nur einmal.${
    purpose === 'reset'
      ? ' Haben Sie kein neues Passwort angefordert, können Sie diese Nachricht löschen; Ihr Passwort bleibt dann, wie es ist.'
      : ''
  }`;
  const text = [`Guten Tag ${name},`, '', lead, '', link, '', close, ''].join('\n');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="de"><head><meta charset="utf-8"><title>',
    escapeHtml(subject),
    '</title></head><body>',
    `<p>${escapeHtml(`Guten Tag ${name},`)}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p>${escapeHtml(close)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
