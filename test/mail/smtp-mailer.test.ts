import { MailDeliveryError, SmtpMailer } from '../../src/mail/smtp-mailer';
import { freePort } from '../harness/free-port';
import { startSmtpSink, type SmtpSink } from '../harness/smtp-sink';

const FROM = '"IT Help Desk" <helpdesk@uni.example>';
const PASSWORD = 'sentinel-smtp-p@ss';

describe('SmtpMailer against the SMTP sink', () => {
  let sink: SmtpSink;
  let mailer: SmtpMailer | undefined;

  beforeAll(async () => {
    sink = await startSmtpSink({ auth: { user: 'passdesk', pass: PASSWORD } });
  });
  afterEach(async () => {
    await mailer?.close();
    mailer = undefined;
    sink.reset();
  });
  afterAll(() => sink.stop());

  const authenticatedUrl = (password = PASSWORD) => sink.url.replace('smtp://', `smtp://passdesk:${encodeURIComponent(password)}@`);

  it('delivers a plain-text mail: envelope, subject and text arrive', async () => {
    mailer = new SmtpMailer({ url: authenticatedUrl(), from: FROM });
    await mailer.send({ to: 'anna.rossi@uni.example', subject: 'Password changed', text: 'Your password was changed.\nNo action needed.' });

    const mail = await sink.waitForMessage('anna.rossi@uni.example');
    expect(mail.from).toBe('helpdesk@uni.example');
    expect(mail.to).toEqual(['anna.rossi@uni.example']);
    expect(mail.authUser).toBe('passdesk');
    expect(mail.subject).toBe('Password changed');
    expect(mail.text.trim()).toBe('Your password was changed.\nNo action needed.');
    expect(mail.headers.get('from')).toContain('helpdesk@uni.example');
    expect(mail.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('keeps Polish and Italian text intact, in the subject and the body', async () => {
    mailer = new SmtpMailer({ url: authenticatedUrl(), from: FROM });
    await mailer.send({ to: 'jan.kowalski@uni.example', subject: 'Hasło zmienione', text: 'Twoje hasło zostało zmienione. Zażółć gęślą jaźń.' });
    await mailer.send({ to: 'anna.rossi@uni.example', subject: 'La password è stata cambiata', text: 'La tua password è stata cambiata: perché?' });

    const polish = await sink.waitForMessage('jan.kowalski@uni.example');
    expect(polish.subject).toBe('Hasło zmienione');
    expect(polish.text).toContain('Twoje hasło zostało zmienione. Zażółć gęślą jaźń.');
    const italian = await sink.waitForMessage('anna.rossi@uni.example');
    expect(italian.subject).toBe('La password è stata cambiata');
    expect(italian.text).toContain('La tua password è stata cambiata: perché?');
  });

  it('decodes whichever transfer encoding nodemailer picks (quoted-printable or base64)', async () => {
    mailer = new SmtpMailer({ url: authenticatedUrl(), from: FROM });
    await mailer.send({ to: 'qp@uni.example', subject: 'x', text: 'Mostly ASCII text with one è.' });
    await mailer.send({ to: 'b64@uni.example', subject: 'x', text: 'żółć ąęśń źćłó' });

    const quoted = await sink.waitForMessage('qp@uni.example');
    expect(quoted.headers.get('content-transfer-encoding')).toBe('quoted-printable');
    expect(quoted.text.trim()).toBe('Mostly ASCII text with one è.');
    const based = await sink.waitForMessage('b64@uni.example');
    expect(based.headers.get('content-transfer-encoding')).toBe('base64');
    expect(based.text.trim()).toBe('żółć ąęśń źćłó');
  });

  it('sends without credentials when the URL has none', async () => {
    mailer = new SmtpMailer({ url: sink.url, from: FROM });
    await mailer.send({ to: 'help@uni.example', subject: 'x', text: 'y' });
    expect((await sink.waitForMessage('help@uni.example')).authUser).toBeUndefined();
  });

  it('reports a refused login without the SMTP password', async () => {
    const wrong = 'wrong-sentinel-password';
    mailer = new SmtpMailer({ url: authenticatedUrl(wrong), from: FROM });
    const error: unknown = await mailer.send({ to: 'anna.rossi@uni.example', subject: 'x', text: 'y' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MailDeliveryError);
    const failure = error as MailDeliveryError;
    expect(failure.code).toBe('EAUTH');
    expect(failure.responseCode).toBe(535);
    const everything = `${failure.message} ${failure.stack ?? ''} ${JSON.stringify(failure)}`;
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(Buffer.from(wrong).toString('base64'));
    expect(failure.cause).toBeUndefined();
    expect(sink.messages).toHaveLength(0);
  });

  it('reports an unreachable server without the SMTP password', async () => {
    const port = await freePort();
    mailer = new SmtpMailer({ url: `smtp://passdesk:${PASSWORD}@127.0.0.1:${port}`, from: FROM });
    const error: unknown = await mailer.send({ to: 'anna.rossi@uni.example', subject: 'x', text: 'y' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as MailDeliveryError).code).toBe('ESOCKET');
    expect((error as MailDeliveryError).message).not.toContain(PASSWORD);
  });

  it('refuses a malformed SMTP_URL without echoing it', () => {
    const build = () => new SmtpMailer({ url: `smtp://passdesk:${PASSWORD}@[bad`, from: FROM });
    expect(build).toThrow(MailDeliveryError);
    expect(build).toThrow(/^invalid SMTP_URL/);
    expect(build).not.toThrow(PASSWORD);
  });
});
