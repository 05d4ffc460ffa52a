import nodemailer from 'nodemailer';
import type { MailMessage, Mailer } from './mailer';

export interface SmtpMailerSettings {
  /** `SMTP_URL`: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; nodemailer options may follow as query. */
  url: string;
  /** `MAIL_FROM`, e.g. `"IT Help Desk" <helpdesk@uni.example>`. */
  from: string;
}

/** A failed delivery, in nodemailer's terms (`EAUTH`, `ECONNECTION`, …) but never with the SMTP password. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

// Nodemailer waits minutes by default; a notification after a password change should not.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Sends plain-text mail over SMTP with nodemailer. */
export class SmtpMailer implements Mailer {
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;
  private readonly secrets: string[];

  constructor(private readonly settings: SmtpMailerSettings) {
    this.secrets = secretForms(settings.url);
    try {
      // Options given here are defaults: query parameters in the URL override them.
      this.transport = nodemailer.createTransport({ ...TIMEOUTS, url: settings.url });
    } catch (error) {
      throw new MailDeliveryError(`invalid SMTP_URL: ${this.redact(messageOf(error))}`);
    }
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.settings.from, to: message.to, subject: message.subject, text: message.text });
    } catch (error) {
      // Only a redacted message is kept, never the error itself as `cause`: it carries the connection.
      throw new MailDeliveryError(
        `mail delivery failed: ${this.redact(messageOf(error))}`,
        typeof fieldOf(error, 'code') === 'string' ? (fieldOf(error, 'code') as string) : undefined,
        typeof fieldOf(error, 'responseCode') === 'number' ? (fieldOf(error, 'responseCode') as number) : undefined,
      );
    }
  }

  /** Connects (and logs in, when SMTP_URL has a user) without sending; throws a MailDeliveryError. */
  async verify(): Promise<void> {
    try {
      await this.transport.verify();
    } catch (error) {
      throw new MailDeliveryError(
        `SMTP check failed: ${this.redact(messageOf(error))}`,
        typeof fieldOf(error, 'code') === 'string' ? (fieldOf(error, 'code') as string) : undefined,
        typeof fieldOf(error, 'responseCode') === 'number' ? (fieldOf(error, 'responseCode') as number) : undefined,
      );
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }

  private redact(text: string): string {
    return this.secrets.reduce((redacted, secret) => redacted.split(secret).join('***'), text);
  }
}

/** The password as written in the URL, decoded, and as SMTP AUTH PLAIN/LOGIN carry it (base64). */
function secretForms(url: string): string[] {
  let user = '';
  let password = '';
  try {
    const parsed = new URL(url);
    user = parsed.username;
    password = parsed.password;
  } catch {
    const match = /^[a-z]+:\/\/([^:@/]*):([^@/]*)@/i.exec(url);
    user = match?.[1] ?? '';
    password = match?.[2] ?? '';
  }
  if (!password) return [];
  const decoded = safeDecode(password);
  const decodedUser = safeDecode(user);
  const forms = [
    password,
    decoded,
    Buffer.from(decoded).toString('base64'),
    Buffer.from(`\0${decodedUser}\0${decoded}`).toString('base64'),
  ];
  // Longest first, so a form containing another is replaced whole.
  return [...new Set(forms)].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Duck-typed: errors from Node's own sockets may come from another realm (tests' VM contexts). */
function messageOf(error: unknown): string {
  const message = fieldOf(error, 'message');
  return typeof message === 'string' ? message : 'unknown error';
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
