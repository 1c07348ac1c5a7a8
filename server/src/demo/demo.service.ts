import { defaultDemoSeed, generateDemoDataset } from '@baken/core/demo/demo-dataset';
import { type DemoTeamMember, demoTeam, demoWorkspaceName } from '@baken/core/demo/demo-offer';
import type { DemoDataset, DemoMember, DemoStage } from '@baken/core/demo/demo-types';
import type { Role } from '@baken/core/platform/roles';
import type { Kysely } from 'kysely';
import { createDefaultPipeline } from '../pipelines/pipelines.service.ts';
import { audit } from '../platform/audit/audit.ts';
import { hashPassword, randomSecret } from '../platform/auth/secrets.ts';
import type { Actor, AppContext, RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { ensureTags } from '../tags/tags.service.ts';
import { createWorkspaceWithOwner, lockFirstRun } from '../workspaces/workspaces.service.ts';
import {
  analyzeRecordTables,
  defaultPipelineStages,
  existingUserEmails,
  findWorkspace,
  insertDataset,
  insertMembers,
  listWorkspaces,
  membersOf,
  previousDemoLoad,
} from './demo.repository.ts';

export interface DemoOptions {
  /** Load into this workspace; without it, create a demo workspace in an empty database. */
  workspaceId?: string | undefined;
  seed?: number | undefined;
}

/** Sign-in details of a member the load created. The password exists nowhere else: show it once. */
export interface DemoCredential {
  name: string;
  email: string;
  role: Role;
  password: string;
}

export interface DemoLoad {
  workspaceId: string;
  workspaceName: string;
  createdWorkspace: boolean;
  credentials: DemoCredential[];
  counts: Record<keyof DemoDataset, number>;
}

interface Target {
  ctx: RequestContext;
  workspaceName: string;
  currency: string;
  members: DemoMember[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function actorFor(workspaceId: string, userId: string, role: Role): Actor {
  return { workspaceId, userId, role, via: 'session', tokenId: null, sessionId: null, scope: 'read_write' };
}

async function workspaceList(db: Kysely<DB>): Promise<string> {
  const workspaces = await listWorkspaces(db);
  return workspaces.map((workspace) => `  ${workspace.id}  ${workspace.name}`).join('\n');
}

async function assertNoWorkspace(db: Kysely<DB>): Promise<void> {
  const list = await workspaceList(db);
  if (list) {
    throw new AppError(
      'conflict',
      `This database already has workspaces; choose one to load the demo into with --workspace <id>:\n${list}`,
    );
  }
}

/** A random password per member, hashed before the transaction opens (argon2 takes a while). */
async function withPasswords(team: readonly DemoTeamMember[]) {
  return Promise.all(
    team.map(async (member) => {
      const password = randomSecret(18);
      return { ...member, password, passwordHash: await hashPassword(password) };
    }),
  );
}

type TeamWithPasswords = Awaited<ReturnType<typeof withPasswords>>;

async function newDemoWorkspace(ctx: AppContext, trx: Kysely<DB>, team: TeamWithPasswords): Promise<Target> {
  await lockFirstRun(trx);
  await assertNoWorkspace(trx);
  const taken = await existingUserEmails(
    trx,
    team.map((member) => member.email),
  );
  if (taken.length > 0) {
    throw new AppError('conflict', `Users with these emails exist already: ${taken.join(', ')}.`);
  }
  const [owner, ...others] = team;
  const { workspaceId, userId } = await createWorkspaceWithOwner(
    ctx,
    trx,
    { workspaceName: demoWorkspaceName, name: owner!.name, email: owner!.email, password: owner!.password },
    owner!.passwordHash,
  );
  const actorCtx: RequestContext = { ...ctx, db: trx, actor: actorFor(workspaceId, userId, 'owner') };
  const colleagues = others.map((member) => ({ ...member, id: ctx.newId() }));
  await insertMembers(trx, workspaceId, colleagues);
  for (const member of colleagues) {
    await audit(actorCtx, trx, 'create', 'membership', member.id, { email: member.email, role: member.role });
  }
  const members = [
    { userId, role: 'owner' as const },
    ...colleagues.map((member) => ({ userId: member.id, role: member.role })),
  ];
  return { ctx: actorCtx, workspaceName: demoWorkspaceName, currency: 'EUR', members };
}

async function existingWorkspace(ctx: AppContext, trx: Kysely<DB>, workspaceId: string): Promise<Target> {
  const workspace = UUID.test(workspaceId) ? await findWorkspace(trx, workspaceId) : undefined;
  if (!workspace) {
    const list = await workspaceList(trx);
    throw new AppError(
      'not_found',
      `There is no workspace ${workspaceId}.${list ? ` The workspaces are:\n${list}` : ''}`,
    );
  }
  const loadedAt = await previousDemoLoad(trx, workspaceId);
  if (loadedAt) {
    throw new AppError(
      'conflict',
      `The demo was loaded into ${workspace.name} already (${loadedAt.toISOString()}); its emails would clash.`,
    );
  }
  const members = (await membersOf(trx, workspaceId)).map((member) => ({
    ...member,
    role: member.role as Role,
  }));
  const owner = members[0];
  if (!owner)
    throw new AppError('conflict', `Workspace ${workspace.name} has no members to own the demo records.`);
  const actorCtx: RequestContext = {
    ...ctx,
    db: trx,
    actor: actorFor(workspaceId, owner.userId, owner.role),
  };
  return { ctx: actorCtx, workspaceName: workspace.name, currency: workspace.currency, members };
}

/** The workspace's default pipeline, created first when the workspace has none. */
async function pipelineStages(target: Target, trx: Kysely<DB>): Promise<DemoStage[]> {
  const workspaceId = target.ctx.actor.workspaceId;
  let stages = await defaultPipelineStages(trx, workspaceId);
  if (stages.length === 0) {
    await createDefaultPipeline(target.ctx, trx);
    stages = await defaultPipelineStages(trx, workspaceId);
  }
  return stages;
}

/** Tags as the workspace's catalogue spells them, and in the catalogue (so the tag pickers offer them). */
async function withCatalogueTags(
  target: Target,
  trx: Kysely<DB>,
  dataset: DemoDataset,
): Promise<DemoDataset> {
  const records = [...dataset.accounts, ...dataset.contacts, ...dataset.deals];
  const names = [...new Set(records.flatMap((record) => record.tags))];
  const canonical = await ensureTags(target.ctx, trx, names);
  const spelling = new Map(names.map((name, index) => [name.toLowerCase(), canonical[index] ?? name]));
  const retag = <R extends { tags: string[] }>(record: R): R => ({
    ...record,
    tags: record.tags.map((tag) => spelling.get(tag.toLowerCase()) ?? tag),
  });
  return {
    ...dataset,
    accounts: dataset.accounts.map(retag),
    contacts: dataset.contacts.map(retag),
    deals: dataset.deals.map(retag),
  };
}

function countsOf(dataset: DemoDataset): DemoLoad['counts'] {
  return {
    accounts: dataset.accounts.length,
    contacts: dataset.contacts.length,
    deals: dataset.deals.length,
    stageChanges: dataset.stageChanges.length,
    dealContacts: dataset.dealContacts.length,
    activities: dataset.activities.length,
  };
}

/**
 * `baken demo`: fills a workspace with the demo dataset in one transaction, so that a failure leaves
 * nothing half-loaded. Without a workspace id it creates the demo workspace and its team, but only in
 * a database without workspaces: it must never mix demo people into a real installation unasked.
 */
export async function loadDemo(ctx: AppContext, options: DemoOptions = {}): Promise<DemoLoad> {
  if (!options.workspaceId) await assertNoWorkspace(ctx.db);
  const team = options.workspaceId ? [] : await withPasswords(demoTeam);
  const seed = options.seed ?? defaultDemoSeed;
  const load = await ctx.db.transaction().execute(async (trx) => {
    const target = options.workspaceId
      ? await existingWorkspace(ctx, trx, options.workspaceId)
      : await newDemoWorkspace(ctx, trx, team);
    const stages = await pipelineStages(target, trx);
    const generated = generateDemoDataset({
      seed,
      now: ctx.now(),
      members: target.members,
      stages,
      currency: target.currency,
      newId: ctx.newId,
    });
    const dataset = await withCatalogueTags(target, trx, generated);
    await insertDataset(trx, target.ctx.actor.workspaceId, dataset);
    const counts = countsOf(dataset);
    await audit(target.ctx, trx, 'create', 'demo', ctx.newId(), { seed, ...counts });
    return { workspaceId: target.ctx.actor.workspaceId, workspaceName: target.workspaceName, counts };
  });
  await analyzeRecordTables(ctx.db);
  return {
    ...load,
    createdWorkspace: !options.workspaceId,
    credentials: team.map(({ name, email, role, password }) => ({ name, email, role, password })),
  };
}
