import { SMTPServer, type SMTPServerAuthentication, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { Recorder } from './recorder';

/** One mail the sink received: the SMTP envelope, the raw message and its decoded text. */
export interface SunkMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The user the client authenticated as, if it did. */
  authUser?: string;
  raw: string;
  /** Header names in lower case, values unfolded (still MIME-encoded). */
  headers: Map<string, string>;
  /** Decoded subject. */
  subject: string;
  /** Decoded text of the (first) text/plain part, line ends as `\n`. */
  text: string;
}

export interface SmtpSinkOptions {
  /** When set, AUTH must use these credentials (otherwise any credentials, or none, are accepted). */
  auth?: { user: string; pass: string };
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that keeps what it receives. No STARTTLS (its built-in
 * certificate has expired), so clients speak plain SMTP; AUTH is optional and allowed in the clear.
 * `url` is what `SMTP_URL` takes.
 */
export class SmtpSink {
  private readonly recorded = new Recorder<SunkMail>((mail) => `mail to ${mail.to.join(',')}`);

  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      allowInsecureAuth: true,
      logger: false,
      closeTimeout: 500,
      onAuth: (auth, _session, callback) => authenticate(auth, options, callback),
      onData: (stream, session, callback) => {
        collect(stream)
          .then((raw) => {
            sink?.recorded.add(parseMail(raw, session));
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error('could not read the message')));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.server.address();
    if (typeof address !== 'object' || !address) throw new Error('SMTP sink has no TCP address');
    sink = new SmtpSink(server, `smtp://127.0.0.1:${address.port}`);
    return sink;
  }

  get messages(): readonly SunkMail[] {
    return this.recorded.all;
  }

  /** Resolves with the first mail to `to` (already received or still to come). */
  waitForMessage(to: string, timeoutMs = 5000): Promise<SunkMail> {
    const wanted = to.toLowerCase();
    return this.recorded.waitFor((mail) => mail.to.some((address) => address.toLowerCase() === wanted), timeoutMs, `a mail to ${to}`);
  }

  reset(): void {
    this.recorded.clear();
  }

  async stop(): Promise<void> {
    this.recorded.cancelWaits('SMTP sink stopped');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  return SmtpSink.start(options);
}

function authenticate(
  auth: SMTPServerAuthentication,
  options: SmtpSinkOptions,
  callback: (error: Error | null | undefined, response?: { user: string }) => void,
): void {
  const expected = options.auth;
  if (expected && (auth.username !== expected.user || auth.password !== expected.pass)) {
    callback(new Error('Invalid username or password'));
    return;
  }
  callback(null, { user: auth.username ?? '' });
}

async function collect(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseMail(raw: Buffer, session: SMTPServerSession): SunkMail {
  // latin1 keeps one char per byte, so bodies can be decoded later in their own charset.
  const { headers, body } = splitEntity(raw.toString('latin1'));
  return {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((address) => address.address),
    authUser: typeof session.user === 'string' ? session.user : undefined,
    raw: raw.toString('utf8'),
    headers,
    subject: decodeEncodedWords(headers.get('subject') ?? ''),
    text: textOf(headers, body).replace(/\r\n/g, '\n'),
  };
}

function splitEntity(entity: string): { headers: Map<string, string>; body: string } {
  const end = entity.indexOf('\r\n\r\n');
  const head = end < 0 ? entity : entity.slice(0, end);
  const body = end < 0 ? '' : entity.slice(end + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The first text/plain part, decoded (multipart walked depth-first). */
function textOf(headers: Map<string, string>, body: string): string {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const entity = splitEntity(part.replace(/^\r\n/, ''));
      const text = textOf(entity.headers, entity.body);
      if (text) return text;
    }
    return '';
  }
  if (!/^text\/plain/i.test(contentType)) return '';
  const charset = /charset="?([^";]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return new TextDecoder(charset).decode(transferDecode(body, encoding));
}

function transferDecode(body: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const unwrapped = body.replace(/=\r\n/g, '');
    return Buffer.from(unwrapped.replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return Buffer.from(body, 'latin1');
}

/** RFC 2047 `=?utf-8?Q?…?=` / `=?utf-8?B?…?=` words; whitespace between two encoded words is dropped. */
function decodeEncodedWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  const raw = joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_match, charset: string, kind: string, text: string) => {
    const bytes =
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return new TextDecoder(charset).decode(bytes);
  });
  // Unencoded headers may carry raw UTF-8 (SMTPUTF8); they were read as latin1 above.
  return /[^\x00-\x7f]/.test(raw) && !/=\?/.test(value) ? Buffer.from(raw, 'latin1').toString('utf8') : raw;
}
