import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { Mailer, type MailMessage } from './mailer';

/** Read by people on the jobs page, so in German. */
export const NOT_CONFIGURED = 'Kein Mailserver eingerichtet (die Einstellung SMTP_URL fehlt).';
/** nodemailer's codes for a server that did not answer at all. */
const UNREACHABLE = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS']);

/** SMTP through nodemailer, from SMTP_URL (smtp://user:pass@host:port or smtps://...). */
@Injectable()
export class SmtpMailer extends Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | undefined;

  constructor(
    url: string | undefined,
    private readonly from: string,
    options: { ignoreTLS?: boolean; timeoutMs?: number } = {},
  ) {
    super();
    // The options go in one object with the URL: nodemailer takes a second argument for message
    // defaults, not for the transport, so passed there the pool and the timeouts did nothing.
    this.transport = url
      ? createTransport({
          url,
          // A few kept-open connections: a digest run sends thousands of mails, and each new
          // connection waits for the server's greeting.
          pool: true,
          maxConnections: 8,
          ignoreTLS: options.ignoreTLS,
          connectionTimeout: options.timeoutMs ?? 10_000,
          greetingTimeout: options.timeoutMs ?? 10_000,
          socketTimeout: options.timeoutMs ?? 30_000,
        } as object)
      : undefined;
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport) throw new Error(NOT_CONFIGURED);
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
      });
    } catch (error) {
      // nodemailer's errors can quote the connection URL; keep only what is safe to store and log.
      // The server's reply code (451) says more than nodemailer's class of error (EMESSAGE).
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      throw new Error(
        responseCode === undefined && UNREACHABLE.has(String(code))
          ? 'Der Mailserver war nicht erreichbar.'
          : `Der Mailserver hat die Nachricht nicht angenommen${responseCode || code ? ` (${String(responseCode ?? code)})` : ''}.`,
      );
    }
  }

  close(): void {
    this.transport?.close();
  }

  onModuleDestroy(): void {
    this.close();
  }
}
