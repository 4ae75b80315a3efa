import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 (nodemailer's smtp-server) that can refuse or hold mail. */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  refusing = false;
  /** Holds each message this long before answering, to catch a sender in the middle. */
  delayMs = 0;
  /** Messages received but not answered yet (held by `delayMs`). */
  holding = 0;
  port = 0;
  /** Connections opened by clients so far. */
  connections = 0;
  private server: SMTPServer | undefined;
  /** Connections the client dropped: a message still held for them was never accepted. */
  private readonly closed = new Set<string>();

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // No reverse DNS of 127.0.0.1: this machine has no resolver to ask, and each lookup would wait.
      disableReverseLookup: true,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onClose: (session) => void this.closed.add(session.id),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on(
          'end',
          () =>
            void this.answer(
              session.id,
              chunks,
              session.envelope.rcptTo.map((r) => r.address),
              callback,
            ),
        );
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', () => resolve()));
    this.port = (
      this.server as unknown as { server: { address(): AddressInfo } }
    ).server.address().port;
    return this;
  }

  private async answer(
    session: string,
    chunks: Buffer[],
    to: string[],
    callback: (error?: Error | null) => void,
  ): Promise<void> {
    if (this.delayMs > 0) {
      this.holding++;
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      this.holding--;
    }
    if (this.closed.has(session)) return;
    if (this.refusing) {
      const error = new Error('mailbox unavailable, try later') as Error & { responseCode: number };
      error.responseCode = 451;
      callback(error);
      return;
    }
    this.received.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
    callback();
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = undefined;
  }
}
