import { atLeast } from '@baken/core/platform/roles';
import { leadScore, type ScoringModel } from '@baken/core/scoring/lead-score';
import {
  type contactEventInput,
  defaultScoringModel,
  type ScoringModelInput,
} from '@baken/core/scoring/scoring-model.schema';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { accountStore } from '../accounts/accounts.repository.ts';
import { contactService } from '../contacts/contacts.service.ts';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import type { DB } from '../platform/db/schema.ts';
import { AppError, invalidField } from '../platform/errors.ts';
import { type Language, translate } from '../platform/i18n/translate.ts';
import { enqueue } from '../platform/jobs/jobs.ts';
import { assertCanWrite } from '../platform/records/record-writes.ts';
import { rescoreJob } from './rescore.job.ts';
import {
  countOverThreshold,
  countStoredOverThreshold,
  eventsOfContact,
  findScoringModel,
  insertContactEvent,
  rescore,
  saveScoringModel,
  scoredAtOf,
} from './scores.repository.ts';

/** The workspace's model, or the default one until someone saves their own. */
export async function modelOf(db: Kysely<DB>, workspaceId: string): Promise<ScoringModel> {
  return (await findScoringModel(db, workspaceId))?.model ?? defaultScoringModel;
}

/** Rule labels in the reader's language where Baken wrote them (the default model's). */
function inLanguage<Rule extends { label: string }>(rules: Rule[], language: Language): Rule[] {
  return rules.map((rule) => ({ ...rule, label: translate(rule.label, language) }));
}

export async function scoringModel(ctx: RequestContext, language: Language = 'en') {
  const row = await findScoringModel(ctx.db, ctx.actor.workspaceId);
  // Stored models came in through scoringModelInput, and a test holds the default one to it.
  const model = (row?.model ?? defaultScoringModel) as ScoringModelInput;
  return {
    model: {
      ...model,
      fit: inLanguage(model.fit, language),
      engagement: inLanguage(model.engagement, language),
    },
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Saves the model (managers and above) and rescores every contact in the background. */
export async function saveModel(ctx: RequestContext, model: ScoringModel) {
  if (!atLeast(ctx.actor.role, 'manager'))
    throw new AppError('forbidden', 'Changing the scoring model takes a manager, an admin or the owner.');
  const { workspaceId, userId } = ctx.actor;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findScoringModel(trx, workspaceId);
    await saveScoringModel(trx, { workspaceId, model, updatedAt: now, updatedBy: userId });
    await enqueue(trx, rescoreJob, { workspaceId }, { key: `${workspaceId}:${now.toISOString()}` });
    await audit(ctx, trx, 'update', 'scoring_model', workspaceId, {
      model: { from: before?.model ?? null, to: model },
    });
  });
  return scoringModel(ctx);
}

/**
 * How many contacts a model would make MQL now, before it is saved, beside how many the saved model
 * puts there by the stored scores (read, not computed again: one pass over the workspace, not two).
 */
export async function previewModel(ctx: RequestContext, model: ScoringModel) {
  const { workspaceId } = ctx.actor;
  const current = await modelOf(ctx.db, workspaceId);
  const [wouldBe, nowAre] = await Promise.all([
    countOverThreshold(ctx.db, workspaceId, model, ctx.now()),
    countStoredOverThreshold(ctx.db, workspaceId, current.mqlThreshold),
  ]);
  return { mql: wouldBe, mqlWithCurrentModel: nowAre };
}

type Contact = Awaited<ReturnType<typeof contactService.get>>;

/** A contact's score now by `model`, with the rules that fired, from its fields and events. */
async function explainScore(ctx: RequestContext, contact: Contact, model: ScoringModel, language: Language) {
  const { workspaceId } = ctx.actor;
  const now = ctx.now();
  const [account, events, scoredAt] = await Promise.all([
    contact.accountId ? accountStore.find(ctx.db, workspaceId, contact.accountId) : null,
    eventsOfContact(ctx.db, workspaceId, contact.id, now),
    scoredAtOf(ctx.db, workspaceId, contact.id),
  ]);
  const score = leadScore(
    model,
    { ...contact, account: account ?? null },
    events.map((event) => ({ type: event.type, path: event.path, at: event.occurredAt })),
    now,
  );
  return {
    contactId: contact.id,
    fit: score.fit.points,
    engagement: score.engagement.points,
    total: score.total,
    isMql: score.isMql,
    fired: {
      fit: inLanguage(score.fit.fired, language),
      engagement: inLanguage(score.engagement.fired, language),
    },
    scoredAt: scoredAt?.toISOString() ?? null,
  };
}

export async function contactScore(ctx: RequestContext, contactId: string, language: Language) {
  const contact = await contactService.get(ctx, contactId);
  return explainScore(ctx, contact, await modelOf(ctx.db, ctx.actor.workspaceId), language);
}

/**
 * Records something a contact did and updates their score (and lifecycle) in the same transaction;
 * answers the new score, explained. The contact and the model are read once for both.
 */
export async function recordEvent(
  ctx: RequestContext,
  contactId: string,
  input: z.output<typeof contactEventInput>,
  language: Language,
) {
  assertCanWrite(ctx);
  const now = ctx.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + 60_000)
    throw invalidField('occurredAt', 'An event cannot happen in the future.');
  const contact = await contactService.get(ctx, contactId);
  const { workspaceId } = ctx.actor;
  const model = await modelOf(ctx.db, workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    await insertContactEvent(trx, {
      workspaceId,
      id: ctx.newId(),
      contactId,
      type: input.type,
      path: input.path ?? null,
      occurredAt,
    });
    await rescore(trx, workspaceId, model, now, contactId);
  });
  return explainScore(ctx, contact, model, language);
}
