// PM2: `pm2 start ecosystem.config.cjs`. One process (SQLite has one writer). On stop/restart PM2 sends SIGINT;
// the daemon stops cron, waits up to 10 s for in-flight polls, stops the outbox and closes the database, so
// kill_timeout leaves it 20 s before SIGKILL. Crash loops back off exponentially instead of hammering sources.
module.exports = {
  apps: [
    {
      name: 'practicewatch',
      script: 'bin/practicewatch',
      args: 'start --config config/practicewatch.yaml',
      interpreter: 'node',
      cwd: __dirname,
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      kill_timeout: 20000,
      exp_backoff_restart_delay: 1000,
      max_restarts: 50,
      min_uptime: '30s',
      max_memory_restart: '512M',
      time: true,
      env: {
        NODE_ENV: 'production',
        // Secrets (SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SMTP_PASSWORD) come from the environment PM2 is started in.
      },
    },
  ],
};
