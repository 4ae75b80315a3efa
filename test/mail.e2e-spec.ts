import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SmtpMailer } from '@app/mail';
import { SmtpTestServer } from './support/smtp-test-server';

const message = (n: number) => ({
  to: `empfaenger${n}@test.de`,
  subject: `Übersicht ${n}`,
  text: 'Offene Aufträge',
  html: '<p>Offene Aufträge</p>',
  messageId: `<mail-${n}@test.de>`,
});

describe('SmtpMailer against a real SMTP server on 127.0.0.1', () => {
  it('keeps its connections open: many mails, a few connections', async () => {
    const smtp = await new SmtpTestServer().start();
    const mailer = new SmtpMailer(smtp.url, 'mandate-tracker <noreply@test.de>', {
      ignoreTLS: true,
    });
    try {
      // One after the other, as a lane of the digest run sends them.
      for (let n = 0; n < 12; n++) await mailer.send(message(n));
      expect(smtp.received).toHaveLength(12);
      // Each new connection waits for the server's greeting; a pool reuses one.
      expect(smtp.connections).toBeLessThanOrEqual(2);
    } finally {
      mailer.close();
      await smtp.stop();
    }
  });

  describe('a server that accepts the connection and never greets', () => {
    let server: Server;
    const sockets: Socket[] = [];
    let url: string;
    beforeAll(async () => {
      server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      url = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('gives up after the configured wait with a plain German reason (nodemailer waits 30 s)', async () => {
      const mailer = new SmtpMailer(url, 'mandate-tracker <noreply@test.de>', {
        ignoreTLS: true,
        timeoutMs: 1000,
      });
      try {
        await expect(mailer.send(message(1))).rejects.toThrow(
          'Der Mailserver war nicht erreichbar.',
        );
      } finally {
        mailer.close();
      }
    }, 20_000);
  });
});
