// Predictive lead scoring: an L2-regularised logistic regression learned from which contacts became
// customers, next to the hand-written rules of lead-score.ts. Pure and deterministic: the holdout is
// picked by a hash of the contact id, so retraining on the same history gives the same model, and
// the model is plain JSON so the caller can store it (and stamp its own training time on it).

export type FeatureValue = string | number | boolean | string[] | null | undefined;

export interface TrainingRow {
  id: string;
  features: Record<string, FeatureValue>;
  /** 1: the contact became a customer. */
  label: 0 | 1;
}

/**
 * How one column is computed from a contact's features. A feature's kind is the type of its first
 * value in the training rows; a value of another type later on counts as missing.
 */
export type ColumnEncoding =
  | { kind: 'equals'; feature: string; value: string }
  | { kind: 'includes'; feature: string; value: string }
  /** log1p(max(0, x)) standardised with the training mean and stdev; missing is the mean (0). */
  | { kind: 'numeric'; feature: string; mean: number; stdev: number }
  | { kind: 'flag'; feature: string };

export interface PredictiveModel {
  version: 1;
  /** One entry per column, in the order of `columns` and `weights`. */
  encoding: ColumnEncoding[];
  columns: { column: string; label: string }[];
  intercept: number;
  weights: number[];
  trainingRows: number;
  holdoutRows: number;
  /** Customers among the training rows. */
  positives: number;
  /** Area under the ROC curve on the holdout; null when the holdout lacks customers or non-customers. */
  auc: number | null;
  /** Share of customers among the training rows. */
  baseRate: number;
}

export interface TrainingOptions {
  /** Share of the contacts kept apart to measure the model; 0.25 unless given. */
  holdoutShare?: number;
  /** Times a categorical value must occur in training to get its own column; 5 unless given. */
  minCount?: number;
  /** L2 penalty on the weights (not the intercept), per row; 1e-3 unless given. */
  lambda?: number;
  /** Most Newton steps, 50 unless given; they usually converge in five or six. */
  maxIterations?: number;
}

export interface Contribution {
  column: string;
  label: string;
  /** Weight times encoded value: how far this column moves the log-odds from an average contact. */
  contribution: number;
}

export const MIN_TRAINING_ROWS = 20;
const NOT_ENOUGH_HISTORY = `Not enough history to learn from: need at least ${MIN_TRAINING_ROWS} contacts with both customers and non-customers.`;

/** FNV-1a, then murmur3's finaliser so ids that differ only at the end still spread evenly. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Whether a contact falls in the holdout: a stable function of its id, never of chance. */
export function isHeldOut(id: string, holdoutShare = 0.25): boolean {
  return hashId(id) / 2 ** 32 < holdoutShare;
}

const logged = (value: FeatureValue) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.log1p(Math.max(0, value)) : null;

function kindOf(value: string | number | boolean | string[]): ColumnEncoding['kind'] {
  if (Array.isArray(value)) return 'includes';
  if (typeof value === 'string') return 'equals';
  return typeof value === 'number' ? 'numeric' : 'flag';
}

function categoriesOf(kind: ColumnEncoding['kind'], value: FeatureValue): string[] {
  if (kind === 'equals') return typeof value === 'string' ? [value] : [];
  return kind === 'includes' && Array.isArray(value) ? [...new Set(value)] : [];
}

function learnEncoding(rows: TrainingRow[], minCount: number): ColumnEncoding[] {
  const kinds = new Map<string, ColumnEncoding['kind']>();
  const counts = new Map<string, Map<string, number>>();
  const numbers = new Map<string, number[]>();
  for (const row of rows) {
    // for…in: no [key, value] pair allocated per feature, which counts at 50,000 rows.
    for (const feature in row.features) {
      const value = row.features[feature];
      if (value === null || value === undefined) continue;
      const kind = kinds.get(feature) ?? kindOf(value);
      kinds.set(feature, kind);
      const x = kind === 'numeric' ? logged(value) : null;
      if (x !== null) {
        const xs = numbers.get(feature) ?? [];
        xs.push(x);
        numbers.set(feature, xs);
      }
      const seen = counts.get(feature) ?? new Map<string, number>();
      counts.set(feature, seen);
      for (const category of categoriesOf(kind, value)) seen.set(category, (seen.get(category) ?? 0) + 1);
    }
  }
  const encoding: ColumnEncoding[] = [];
  for (const feature of [...kinds.keys()].sort()) {
    const kind = kinds.get(feature)!;
    if (kind === 'flag') encoding.push({ kind, feature });
    else if (kind === 'numeric') {
      // Missing values are imputed with the mean, so the statistics are over the present ones.
      const xs = numbers.get(feature) ?? [];
      const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
      const stdev = Math.sqrt(xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / xs.length);
      // A constant feature carries nothing and would divide by zero.
      if (stdev > 1e-12) encoding.push({ kind, feature, mean, stdev });
    } else {
      // Rare values would get weights learned from a handful of contacts: they get no column.
      const kept = [...(counts.get(feature) ?? [])].filter(([, count]) => count >= minCount);
      for (const [value] of kept.sort(([a], [b]) => (a < b ? -1 : 1)))
        encoding.push({ kind, feature, value });
    }
  }
  return encoding;
}

function nameColumn(column: ColumnEncoding): { column: string; label: string } {
  const { feature } = column;
  if (column.kind === 'numeric') return { column: feature, label: `${feature} (log)` };
  if (column.kind === 'flag') return { column: feature, label: feature };
  const relation = column.kind === 'equals' ? '=' : 'includes';
  return { column: `${feature}=${column.value}`, label: `${feature} ${relation} ${column.value}` };
}

function scalar(column: ColumnEncoding, raw: FeatureValue): number {
  if (column.kind === 'flag') return raw === true ? 1 : 0;
  const x = column.kind === 'numeric' ? logged(raw) : null;
  return column.kind === 'numeric' && x !== null ? (x - column.mean) / column.stdev : 0;
}

/** A contact as its non-zero columns: most are one-hot, so rows stay short even with many columns. */
interface SparseRow {
  columns: number[];
  values: number[];
}

function encoder(encoding: ColumnEncoding[]): (features: Record<string, FeatureValue>) => SparseRow {
  const categories = new Map<string, { kind: ColumnEncoding['kind']; columns: Map<string, number> }>();
  const scalars: [number, ColumnEncoding][] = [];
  for (const [index, column] of encoding.entries()) {
    if (column.kind === 'equals' || column.kind === 'includes') {
      const entry = categories.get(column.feature) ?? { kind: column.kind, columns: new Map() };
      entry.columns.set(column.value, index);
      categories.set(column.feature, entry);
    } else scalars.push([index, column]);
  }
  return (features) => {
    const row: SparseRow = { columns: [], values: [] };
    const add = (column: number, value: number) => {
      row.columns.push(column);
      row.values.push(value);
    };
    for (const [feature, { kind, columns }] of categories)
      for (const category of categoriesOf(kind, features[feature])) {
        const column = columns.get(category);
        if (column !== undefined) add(column, 1);
      }
    for (const [index, column] of scalars) {
      const value = scalar(column, features[column.feature]);
      if (value !== 0) add(index, value);
    }
    return row;
  };
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
// log(1 + e^z) - y z without overflow.
const logLoss = (z: number, y: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;

function margin(beta: Float64Array, row: SparseRow): number {
  let z = 0;
  for (let k = 0; k < row.columns.length; k++) z += beta[row.columns[k]!]! * row.values[k]!;
  return z;
}

/**
 * Cholesky solve of a symmetric positive definite system (the penalty makes the Hessian so); reads
 * only the lower triangle.
 */
function solve(matrix: Float64Array, vector: Float64Array): Float64Array {
  const d = vector.length;
  const lower = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * d + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * d + k]! * lower[j * d + k]!;
      lower[i * d + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / lower[j * d + j]!;
    }
  }
  const x = new Float64Array(vector);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) x[i]! -= lower[i * d + k]! * x[k]!;
    x[i]! /= lower[i * d + i]!;
  }
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) x[i]! -= lower[k * d + i]! * x[k]!;
    x[i]! /= lower[i * d + i]!;
  }
  return x;
}

/**
 * Newton's method (IRLS) on mean log-loss + lambda/2 |w|^2, halving the step while it does not
 * lower the objective. Each step costs rows × (non-zeros per row)^2 plus a columns^3 solve, which
 * is far fewer passes than gradient descent needs on rare one-hot columns. Column 0 is the intercept.
 */
function fitLogistic(
  rows: SparseRow[],
  labels: number[],
  width: number,
  lambda: number,
  maxIterations: number,
) {
  const objective = (beta: Float64Array) =>
    rows.reduce((sum, row, i) => sum + logLoss(margin(beta, row), labels[i]!), 0) / rows.length +
    (lambda / 2) * beta.reduce((sum, b, j) => (j === 0 ? sum : sum + b * b), 0);
  let beta = new Float64Array(width);
  let loss = objective(beta);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Float64Array(width);
    const hessian = new Float64Array(width * width);
    for (const [i, row] of rows.entries()) {
      const p = sigmoid(margin(beta, row));
      const residual = (p - labels[i]!) / rows.length;
      const curvature = (p * (1 - p)) / rows.length;
      const { columns, values } = row;
      for (let k = 0; k < columns.length; k++) {
        const a = columns[k]! * width;
        const weighted = curvature * values[k]!;
        gradient[columns[k]!]! += residual * values[k]!;
        // Each pair once, in whichever triangle the row's order puts it; folded together below.
        for (let l = 0; l <= k; l++) hessian[a + columns[l]!]! += weighted * values[l]!;
      }
    }
    for (let j = 0; j < width; j++) {
      for (let i = j + 1; i < width; i++) hessian[i * width + j]! += hessian[j * width + i]!;
      gradient[j]! += j === 0 ? 0 : lambda * beta[j]!;
      hessian[j * width + j]! += j === 0 ? 1e-9 : lambda;
    }
    const step = solve(hessian, gradient);
    let [size, next, nextLoss] = [1, beta, loss];
    for (; size > 1e-6; size /= 2) {
      next = beta.map((b, j) => b - size * step[j]!);
      nextLoss = objective(next);
      if (nextLoss <= loss) break;
    }
    if (nextLoss > loss) break;
    const moved = step.reduce((most, s) => Math.max(most, Math.abs(size * s)), 0);
    [beta, loss] = [next, nextLoss];
    // Newton converges quadratically: once a step moves no weight by 1e-4, what is left is ~1e-9.
    if (moved < 1e-4) break;
  }
  return beta;
}

/** Learns a model from contacts with a known outcome; throws when the history is too thin. */
export function trainPredictiveModel(rows: TrainingRow[], options: TrainingOptions = {}): PredictiveModel {
  const { holdoutShare = 0.25, minCount = 5, lambda = 1e-3, maxIterations = 50 } = options;
  const training = rows.filter((row) => !isHeldOut(row.id, holdoutShare));
  const holdout = rows.filter((row) => isHeldOut(row.id, holdoutShare));
  const positives = training.filter((row) => row.label === 1).length;
  if (rows.length < MIN_TRAINING_ROWS || positives === 0 || positives === training.length)
    throw new Error(NOT_ENOUGH_HISTORY);
  const encoding = learnEncoding(training, minCount);
  const encode = encoder(encoding);
  // Shift every column by one to make room for the intercept, a column that is always 1.
  const withIntercept = (row: SparseRow) => ({
    columns: [0, ...row.columns.map((column) => column + 1)],
    values: [1, ...row.values],
  });
  const beta = fitLogistic(
    training.map((row) => withIntercept(encode(row.features))),
    training.map((row) => row.label),
    encoding.length + 1,
    lambda,
    maxIterations,
  );
  const scores = holdout.map((row) => sigmoid(margin(beta, withIntercept(encode(row.features)))));
  return {
    version: 1,
    encoding,
    columns: encoding.map(nameColumn),
    intercept: beta[0]!,
    weights: [...beta.subarray(1)],
    trainingRows: training.length,
    holdoutRows: holdout.length,
    positives,
    auc: areaUnderCurve(
      scores,
      holdout.map((row) => row.label),
    ),
    baseRate: positives / training.length,
  };
}

/** The chance a contact becomes a customer, with the five columns that moved it most. */
export function predict(
  model: PredictiveModel,
  features: Record<string, FeatureValue>,
): { probability: number; contributions: Contribution[] } {
  const row = encoder(model.encoding)(features);
  const contributions = row.columns.map((column, k) => ({
    ...model.columns[column]!,
    contribution: model.weights[column]! * row.values[k]!,
  }));
  const z = contributions.reduce((sum, part) => sum + part.contribution, model.intercept);
  return {
    probability: sigmoid(z),
    contributions: contributions
      .filter((part) => part.contribution !== 0)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, 5),
  };
}

/**
 * The `n` columns with the largest weight by absolute value. Ranking by raw |weight| is fair here
 * because numeric columns are standardised (weight per stdev) and the others are 0/1 indicators, so
 * every weight is the log-odds change for a comparable, unit-sized move of its column.
 */
export function topFeatures(
  model: PredictiveModel,
  n: number,
): { column: string; label: string; weight: number }[] {
  return model.columns
    .map((column, index) => ({ ...column, weight: model.weights[index]! }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.column < b.column ? -1 : 1))
    .slice(0, n);
}

/**
 * Area under the ROC curve by Mann-Whitney: the share of (customer, non-customer) pairs in which the
 * customer scores higher, ties counting half. Null when either class is absent.
 */
export function areaUnderCurve(scores: number[], labels: (0 | 1)[]): number | null {
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = scores.map((score, i) => ({ score, label: labels[i]! })).sort((a, b) => a.score - b.score);
  let positiveRanks = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && order[end]!.score === order[start]!.score) end++;
    // Tied scores share the mean of ranks start+1..end.
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (order[i]!.label === 1) positiveRanks += rank;
    start = end;
  }
  return (positiveRanks - (positives * (positives + 1)) / 2) / (positives * negatives);
}
