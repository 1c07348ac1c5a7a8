import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { jobTypes } from './job-types.ts';
import { loadConfig } from './platform/config.ts';
import { ensureWebBuild, WEB_DIST } from './platform/http/web-app.ts';
import { JobRunner } from './platform/jobs/job-runner.ts';
import { openRuntime } from './platform/runtime.ts';

const usage = `Usage: baken <command> [options]

Commands:
  start                      serve the API (and web app) on PORT (default 3000)
  migrate                    apply pending database migrations and exit
  demo [--workspace <id>]    load a demo dataset of Dutch and Belgian B2B companies
  backup <file> [--workspace <id>]   write a consistent dump of the database or one workspace
  restore <file>             load a dump into this (empty) database

The database is PGlite in BAKEN_DATA_DIR (default ./data) unless DATABASE_URL points to PostgreSQL.`;

async function start(): Promise<void> {
  const config = loadConfig();
  const hasWebApp = await ensureWebBuild((message) => console.log(message));
  const { ctx, database, applied } = await openRuntime(config);
  const app = await buildApp(ctx, hasWebApp ? { webDist: WEB_DIST } : {});
  if (applied.length > 0) app.log.info({ applied }, 'database migrated');
  const jobs = new JobRunner(ctx, jobTypes, {
    ...config.jobs,
    log: (message, details) => app.log.warn(details, message),
  });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // Running jobs stop at their next checkpoint and go back to the queue for the next start.
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  await jobs.start();
  app.log.info(`Baken is running on ${config.publicUrl} (database: ${ctx.engine})`);
}

async function migrateOnly(): Promise<void> {
  const { database, applied } = await openRuntime(loadConfig());
  console.log(applied.length > 0 ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
  await database.close();
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { workspace: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  switch (command) {
    case 'start':
      return start();
    case 'migrate':
      return migrateOnly();
    case 'demo': {
      const { runDemo } = await import('./demo/demo.command.ts');
      return runDemo({ workspaceId: values.workspace });
    }
    case 'backup': {
      const { runBackup } = await import('./backup/backup.command.ts');
      return runBackup({ file: rest[0], workspaceId: values.workspace });
    }
    case 'restore': {
      const { runRestore } = await import('./backup/backup.command.ts');
      return runRestore({ file: rest[0] });
    }
    default:
      console.error(`Unknown command '${command}'.\n\n${usage}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
