import { atLeast } from '@baken/core/platform/roles';
import {
  type PredictiveModel,
  predict,
  topFeatures,
  trainPredictiveModel,
} from '@baken/core/scoring/predictive';
import { modelQuality } from '@baken/core/scoring/predictive.schema';
import { contactService } from '../contacts/contacts.service.ts';
import { audit } from '../platform/audit/audit.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import {
  contactFeatures,
  findPredictiveModel,
  savePredictiveModel,
  trainingRows,
} from './predictive.repository.ts';

function summaryOf(model: PredictiveModel, trainedAt: Date) {
  return {
    trainedAt: trainedAt.toISOString(),
    trainingRows: model.trainingRows,
    holdoutRows: model.holdoutRows,
    positives: model.positives,
    baseRate: model.baseRate,
    auc: model.auc,
    quality: modelQuality(model.auc),
    topFeatures: topFeatures(model, 8),
  };
}

export async function predictiveModel(ctx: RequestContext) {
  const row = await findPredictiveModel(ctx.db, ctx.actor.workspaceId);
  return { model: row ? summaryOf(row.model, row.trainedAt) : null };
}

/** Learns the model again from the workspace's history now (managers and above). */
export async function trainModel(ctx: RequestContext) {
  if (!atLeast(ctx.actor.role, 'manager'))
    throw new AppError('forbidden', 'Training the predictive model takes a manager, an admin or the owner.');
  const { workspaceId, userId } = ctx.actor;
  const rows = await trainingRows(ctx.db, workspaceId);
  let model: PredictiveModel;
  try {
    model = trainPredictiveModel(rows);
  } catch (error) {
    throw new AppError('conflict', (error as Error).message);
  }
  const trainedAt = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await savePredictiveModel(trx, { workspaceId, model, trainedAt, trainedBy: userId });
    await audit(ctx, trx, 'update', 'predictive_model', workspaceId, {
      auc: { from: null, to: model.auc },
      trainingRows: { from: null, to: model.trainingRows },
    });
  });
  return { model: summaryOf(model, trainedAt) };
}

/** How likely a contact is to become a customer by the trained model, and why; null untrained. */
export async function contactPrediction(ctx: RequestContext, contactId: string) {
  await contactService.get(ctx, contactId);
  const { workspaceId } = ctx.actor;
  const [row, features] = await Promise.all([
    findPredictiveModel(ctx.db, workspaceId),
    contactFeatures(ctx.db, workspaceId, contactId),
  ]);
  if (!row || !features) return { prediction: null };
  return {
    prediction: {
      ...predict(row.model, features),
      auc: row.model.auc,
      quality: modelQuality(row.model.auc),
      trainedAt: row.trainedAt.toISOString(),
    },
  };
}
