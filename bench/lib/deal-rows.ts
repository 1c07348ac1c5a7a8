import {
  type BenchPlan,
  type BenchStage,
  type CellValue,
  daysBefore,
  TABLE,
  type TableRows,
} from './bench-plan.ts';
import { benchId, rowRandom, skewedIndex } from './row-random.ts';

const dealColumns = [
  'workspace_id',
  'id',
  'name',
  'account_id',
  'pipeline_id',
  'stage_id',
  'amount',
  'currency',
  'expected_close_date',
  'actual_close_date',
  'probability',
  'forecast_category',
  'owner_id',
  'stage_entered_at',
  'created_at',
  'updated_at',
] as const;

const stageChangeColumns = [
  'workspace_id',
  'id',
  'deal_id',
  'from_stage_id',
  'to_stage_id',
  'changed_at',
  'changed_by',
] as const;

const offers = [
  'Onderhoudscontract',
  'Licenties',
  'Implementatie',
  'Uitbreiding',
  'Raamovereenkomst',
  'Pilot',
];

/** The stages deal `index` went through, oldest first, with the day it entered each. */
interface DealPath {
  account: number;
  owner: string;
  stages: BenchStage[];
  enteredDaysAgo: number[];
}

/**
 * A deal walks the open stages in order and ends in one of them, or in won or lost (about 70/18/12
 * as in a healthy B2B funnel); each step takes 2-30 days.
 */
function dealPath(plan: BenchPlan, index: number): DealPath {
  const random = rowRandom(plan.seed, TABLE.deals + 100, index);
  const open = plan.stages.filter((stage) => stage.kind === 'open');
  const won = plan.stages.find((stage) => stage.kind === 'won');
  const lost = plan.stages.find((stage) => stage.kind === 'lost');
  const outcome = random.weighted([
    ['open', 70],
    ['won', 18],
    ['lost', 12],
  ] as const);
  const reached = outcome === 'won' ? open.length : random.int(1, open.length);
  const stages = open.slice(0, reached);
  if (outcome === 'won' && won) stages.push(won);
  if (outcome === 'lost' && lost) stages.push(lost);
  let daysAgo = random.next() * 700 + 2;
  const enteredDaysAgo = stages.map(() => {
    const entered = daysAgo;
    daysAgo = Math.max(0.01, daysAgo - random.int(2, 30) * random.next());
    return entered;
  });
  return {
    account: skewedIndex(random, plan.size.accounts),
    owner: random.pick(plan.ownerIds),
    stages,
    enteredDaysAgo,
  };
}

export function dealRow(plan: BenchPlan, index: number): CellValue[] {
  const random = rowRandom(plan.seed, TABLE.deals, index);
  const path = dealPath(plan, index);
  const stage = path.stages.at(-1)!;
  const entered = path.enteredDaysAgo.at(-1)!;
  const created = path.enteredDaysAgo[0]!;
  const closed = stage.kind !== 'open';
  return [
    plan.workspaceId,
    benchId(TABLE.deals, index),
    `${random.pick(offers)} ${2024 + random.int(0, 2)}`,
    benchId(TABLE.accounts, path.account),
    plan.pipelineId,
    stage.id,
    random.int(20, 2000) * 100 * 100,
    'EUR',
    daysBefore(entered - random.int(10, 120)).slice(0, 10),
    closed ? daysBefore(entered).slice(0, 10) : null,
    stage.probability,
    closed ? 'closed' : stage.probability >= 55 ? 'commit' : 'pipeline',
    path.owner,
    daysBefore(entered),
    daysBefore(created),
    daysBefore(entered),
  ];
}

export function dealRows(plan: BenchPlan): TableRows {
  return {
    table: 'deals',
    columns: dealColumns,
    count: plan.size.deals,
    rows: function* () {
      for (let index = 0; index < plan.size.deals; index++) yield dealRow(plan, index);
    },
  };
}

/** Each deal's history: one row per stage it entered, the first from no stage. */
export function stageChangeRows(plan: BenchPlan): TableRows {
  return {
    table: 'deal_stage_changes',
    columns: stageChangeColumns,
    // Not known before generating; only used for progress output.
    count: Number.NaN,
    rows: function* () {
      let id = 0;
      for (let index = 0; index < plan.size.deals; index++) {
        const path = dealPath(plan, index);
        for (let step = 0; step < path.stages.length; step++) {
          yield [
            plan.workspaceId,
            benchId(TABLE.stageChanges, id++),
            benchId(TABLE.deals, index),
            step === 0 ? null : path.stages[step - 1]!.id,
            path.stages[step]!.id,
            daysBefore(path.enteredDaysAgo[step]!),
            path.owner,
          ];
        }
      }
    },
  };
}
