// Tests set the service variables they need themselves; the shell's (a developer's REDIS_URL,
// a production DATABASE_URL) must not leak in. NestJS's ConfigModule reads the environment when
// a module is first imported, so this runs before each test file imports anything.
'use strict';
const SERVICE_VARIABLES = [
  'PORT', 'DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'SMTP_URL', 'MAIL_FROM', 'ADMIN_EMAIL',
  'ADMIN_PASSWORD', 'CORS_ORIGINS', 'TRUST_PROXY', 'PUBLIC_URL', 'SEEDS_DIR', 'SAMPLE_PROTOCOL',
  'JOB_ATTEMPTS', 'JOB_BACKOFF_MS', 'SCHEDULE_TZ', 'SCHEDULE_OVERDUE_SCAN', 'SCHEDULE_MEMBER_REPORTS',
  'SCHEDULE_DIGESTS_WEEKLY', 'SCHEDULE_DIGESTS_DAILY', 'SCHEDULE_REPORT_NOTICES', 'LINKS_APPLY_EXPLICIT_FULFILS',
  'SCHEDULE_REMINDERS', 'REMINDER_LEAD_DAYS',
];
for (const name of SERVICE_VARIABLES) delete process.env[name];
