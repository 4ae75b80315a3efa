import type { ReceivedMail } from './smtp-test-server';

/** A raw message's text with quoted-printable undone (soft line breaks, =XX bytes). */
export function decodedMail(mail: ReceivedMail): string {
  return Buffer.from(
    mail.raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** The first link in a mail that starts with `base`. */
export function linkIn(mail: ReceivedMail, base: string): string {
  const text = decodedMail(mail);
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"<>]*`).exec(text);
  if (!match) throw new Error(`no link starting with ${base} in the mail to ${mail.to.join(', ')}`);
  return match[0];
}
