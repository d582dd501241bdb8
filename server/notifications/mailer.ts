// Optional e-mail of notifications through SMTP (SMTP_URL, SMTP_FROM; off when SMTP_URL is unset).
import nodemailer from 'nodemailer';

export interface SmtpConfig {
  /** nodemailer's connection URL: smtp://user:pass@host:port or smtps://… */
  url: string;
  /** The From address. */
  from: string;
  /** The server's public address, for links in e-mails (null: no link). */
  publicUrl?: string | null;
}

export interface Mailer {
  /** Send one plain-text message; rejects when the SMTP server refuses it. */
  send(to: string, subject: string, text: string): Promise<void>;
  close(): void;
}

export function smtpMailer(config: SmtpConfig): Mailer {
  // Bounded waits: an unreachable SMTP server must not hold notifications or the shutdown for long.
  const transport = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(to, subject, text) {
      await transport.sendMail({ from: config.from, to, subject, text });
    },
    close: () => transport.close(),
  };
}
