// Daemon wiring for the e-mail work: the e-mail notifier (when email.enabled) and the weekly digest service.
// src/daemon.ts appends one line to each of its factory lists.
import type { DaemonContext, Service } from '../daemon.ts';
import type { Config } from '../config/load.ts';
import type { Logger } from 'pino';
import { createEmailNotifier, type EmailNotifier } from '../notifiers/email.ts';
import { createDigestService } from './schedule.ts';

/** The e-mail notifier from the config; the password comes from the variable named by `email.password_env`. */
export function emailNotifierFromConfig(
  config: Pick<Config, 'email' | 'responder'>,
  env: (name: string) => string | undefined,
  log: Logger,
  practiceName?: string,
): EmailNotifier {
  const e = config.email;
  const password = e.user ? env(e.password_env) : undefined;
  if (e.user && !password) log.error({ env: e.password_env }, 'email.user is set but the SMTP password variable is empty: e-mails stay queued');
  return createEmailNotifier({
    smtp: { host: e.host, port: e.port, secure: e.secure, requireTLS: e.require_tls, user: e.user, password },
    from: e.from,
    log,
    responderEmail: config.responder.email,
    practiceName,
  });
}

/** notifierFactories entry. */
export function emailNotifierFactory(ctx: DaemonContext): EmailNotifier | null {
  return ctx.config.email.enabled ? emailNotifierFromConfig(ctx.config, ctx.env, ctx.log, ctx.practice.name) : null;
}

/** serviceFactories entry: the weekly digest (only when e-mail is on, or its rows would wait for a channel forever). */
export function digestServiceFactory(ctx: DaemonContext): Service | null {
  if (!ctx.config.email.enabled) return null;
  return createDigestService({ db: ctx.db, config: ctx.config, practice: ctx.practice, log: ctx.log, now: ctx.now });
}
