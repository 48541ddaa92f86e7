// Daemon wiring for the Slack work: the Slack notifier (when slack.enabled) and one "responder" service that runs
// the critical-alert reminders and, when slack.socket_mode and an app-level token are set, the Socket Mode buttons.
// src/daemon.ts appends one line to each of its factory lists.
import type { DaemonContext, Service } from '../daemon.ts';
import { createReminderService } from '../responder/reminders.ts';
import { createSlackNotifier, type SlackNotifier } from './slack.ts';
import { createSlackSocketService } from './slack-socket.ts';

function slackFrom(ctx: DaemonContext): SlackNotifier {
  const { config } = ctx;
  const token = ctx.env(config.slack.token_env);
  const channel = config.responder.slack_channel ?? config.responder.slack_user_id;
  if (!token) ctx.log.error({ env: config.slack.token_env }, 'slack is enabled but its bot token variable is empty: alerts stay queued');
  if (!channel) ctx.log.error('slack is enabled but responder.slack_user_id / slack_channel is not set: alerts stay queued');
  return createSlackNotifier({ token, apiUrl: config.slack.api_url, channel, db: ctx.db, log: ctx.log, timeoutMs: config.slack.timeout, now: ctx.now });
}

/** notifierFactories entry. */
export function slackNotifierFactory(ctx: DaemonContext): SlackNotifier | null {
  return ctx.config.slack.enabled ? slackFrom(ctx) : null;
}

/** serviceFactories entry: reminders (always, when Slack is on) + Socket Mode buttons (when configured). */
export function responderServiceFactory(ctx: DaemonContext): Service | null {
  const { config } = ctx;
  if (!config.slack.enabled) return null;
  const parts: Service[] = [
    createReminderService({ db: ctx.db, log: ctx.log, now: ctx.now, afterMs: config.alerts.critical_reminder_after, email: config.email.enabled }),
  ];
  if (config.slack.socket_mode) {
    const appToken = ctx.env(config.slack.app_token_env);
    if (!appToken) {
      ctx.log.warn({ env: config.slack.app_token_env }, 'slack socket mode is on but the app-level token variable is empty: buttons are off (use `items ack|done|dismiss`)');
    } else {
      const slack = slackFrom(ctx);
      parts.push(createSlackSocketService({ appToken, apiUrl: config.slack.api_url, db: ctx.db, log: ctx.log, now: ctx.now, updateItemStatus: slack.updateItemStatus }));
    }
  }
  return {
    name: `responder (${parts.map((p) => p.name).join(', ')})`,
    async start() {
      for (const p of parts) await p.start();
    },
    async stop() {
      for (const p of [...parts].reverse()) await p.stop();
    },
  };
}
