import { loadConfig } from '../platform/config.ts';
import { openRuntime } from '../platform/runtime.ts';
import { type DemoLoad, type DemoOptions, loadDemo } from './demo.service.ts';

/** What `baken demo` prints: what was loaded where, and (once only) how the new team signs in. */
export function demoSummary(load: DemoLoad, publicUrl: string): string {
  const { counts } = load;
  const lines = [
    `Loaded the demo into ${load.workspaceName} (${load.workspaceId}):`,
    `  ${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.deals} deals ` +
      `(${counts.stageChanges} stage changes, ${counts.dealContacts} deal contacts), ${counts.activities} activities.`,
  ];
  if (load.credentials.length > 0) {
    const width = Math.max(...load.credentials.map((member) => member.email.length));
    lines.push(
      '',
      `Sign in at ${publicUrl} as any of these members. The passwords are random and shown only now:`,
      ...load.credentials.map(
        (member) =>
          `  ${member.email.padEnd(width)}  ${member.password}  ${member.role.padEnd(9)}  ${member.name}`,
      ),
    );
  }
  return lines.join('\n');
}

export async function runDemo(options: DemoOptions): Promise<void> {
  const config = loadConfig();
  const { ctx, database } = await openRuntime(config);
  try {
    console.log(demoSummary(await loadDemo(ctx, options), config.publicUrl));
  } finally {
    await database.close();
  }
}
