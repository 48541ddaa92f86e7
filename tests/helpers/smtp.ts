// A real SMTP server for tests (smtp-server on 127.0.0.1, port 0, no TLS, login optional). Received messages are
// kept raw and parsed with mailparser. `reject` makes the next transactions fail with a given SMTP code.
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string | null;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpStub {
  port: number;
  messages: ReceivedMail[];
  /** Fail the next `times` DATA commands with this code (e.g. 451 temporary, 550 permanent). */
  reject(code: number, times?: number): void;
  /** Require AUTH with these credentials (anything else is refused with 535). */
  requireAuth(user: string, pass: string): void;
  close(): Promise<void>;
}

export async function startSmtp(opts: { port?: number } = {}): Promise<SmtpStub> {
  const messages: ReceivedMail[] = [];
  let rejectCode = 0;
  let rejectTimes = 0;
  let creds: { user: string; pass: string } | null = null;
  const options: SMTPServerOptions = {
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (creds && auth.username === creds.user && auth.password === creds.pass) return cb(null, { user: auth.username });
      const err = new Error('Invalid username or password') as Error & { responseCode: number };
      err.responseCode = 535;
      cb(err);
    },
    onMailFrom(_address, session, cb) {
      if (creds && !session.user) {
        const err = new Error('Authentication required') as Error & { responseCode: number };
        err.responseCode = 530;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejectTimes > 0) {
          rejectTimes--;
          const err = new Error(rejectCode >= 500 ? 'Message refused' : 'Try again later') as Error & { responseCode: number };
          err.responseCode = rejectCode;
          return cb(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              parsed,
            });
            cb();
          },
          (err: Error) => cb(err),
        );
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    reject(code, times = 1) {
      rejectCode = code;
      rejectTimes = times;
    },
    requireAuth(user, pass) {
      creds = { user, pass };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = await startSmtp();
  const p = s.port;
  await s.close();
  return p;
}
