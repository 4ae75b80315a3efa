/** A message for one recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable id: the same digest always carries the same Message-ID. */
  messageId: string;
}

/** Sends mail; implementations: SMTP (nodemailer). Services get it injected. */
export abstract class Mailer {
  /** Resolves once the server accepted the message; rejects with a reason otherwise. */
  abstract send(message: MailMessage): Promise<void>;
  abstract readonly configured: boolean;
  abstract close(): void;
}
