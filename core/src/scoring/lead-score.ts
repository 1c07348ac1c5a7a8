// Lead scoring as pure functions: a fit part (who the contact is: rules over contact and company
// fields) and an engagement part (what they did: rules over behaviour events, each event's points
// halved every half-life, each rule capped). Every score lists the rules that fired.

export type FieldCondition =
  | { op: 'eq'; value: string | number | boolean }
  | { op: 'in'; values: (string | number)[] }
  /** Text containing any of the words, case-insensitively (job title keywords). */
  | { op: 'containsAny'; words: string[] }
  /** A list field (technologies, tags) holding any of the values. */
  | { op: 'hasAny'; values: string[] }
  /** A list field holding none of the values (a company not using a competitor's product). */
  | { op: 'hasNone'; values: string[] }
  /** A code starting with any of the prefixes (an SBI section such as 62, a postcode area). */
  | { op: 'startsWithAny'; prefixes: string[] }
  | { op: 'between'; min?: number; max?: number }
  | { op: 'empty' }
  | { op: 'filled' };

export interface FitRule {
  id: string;
  label: string;
  /** A contact field (`jobTitle`) or a field of its company (`account.employeeCount`). */
  field: string;
  condition: FieldCondition;
  /** Negative points mark a poor fit (students, competitors). */
  points: number;
}

export interface EngagementRule {
  id: string;
  label: string;
  /** The event type it scores: page_view, form_submit, email_open, email_click, meeting, … */
  event: string;
  /** For page views: only pages whose path contains this (`/pricing`). */
  pathContains?: string;
  points: number;
  /** Most points this rule can give, after decay; none means no cap. */
  cap?: number;
}

export interface ScoringModel {
  fit: FitRule[];
  engagement: EngagementRule[];
  /** Days after which an event counts for half its points; 0 switches decay off. */
  halfLifeDays: number;
  /** Combined score at which a contact becomes a marketing qualified lead. */
  mqlThreshold: number;
}

export interface BehaviourEvent {
  type: string;
  at: Date;
  path?: string | null;
}

export interface FiredRule {
  ruleId: string;
  label: string;
  points: number;
  /** Engagement rules: how many events matched. */
  events?: number;
}

export interface ScorePart {
  points: number;
  fired: FiredRule[];
}

export interface LeadScore {
  fit: ScorePart;
  engagement: ScorePart;
  total: number;
  isMql: boolean;
}

const DAY_MS = 86_400_000;

/** A field's value by path: `account.industry` reads the company's field. */
function valueAt(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const isBlank = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const folded = (value: unknown) => String(value).toLocaleLowerCase('nl');

export function conditionHolds(condition: FieldCondition, value: unknown): boolean {
  switch (condition.op) {
    case 'empty':
      return isBlank(value);
    case 'filled':
      return !isBlank(value);
    // On a list (tags, technologies), equal to a value means holding it.
    case 'eq':
      if (Array.isArray(value))
        return conditionHolds({ op: 'hasAny', values: [String(condition.value)] }, value);
      return !isBlank(value) && folded(value) === folded(condition.value);
    case 'in':
      if (Array.isArray(value))
        return conditionHolds({ op: 'hasAny', values: condition.values.map(String) }, value);
      return !isBlank(value) && condition.values.some((candidate) => folded(candidate) === folded(value));
    case 'containsAny':
      return (
        typeof value === 'string' && condition.words.some((word) => folded(value).includes(folded(word)))
      );
    case 'hasNone':
      return !conditionHolds({ op: 'hasAny', values: condition.values }, value);
    case 'startsWithAny':
      return (
        (typeof value === 'string' || typeof value === 'number') &&
        condition.prefixes.some((prefix) => folded(value).startsWith(folded(prefix)))
      );
    case 'hasAny': {
      const held = new Set((Array.isArray(value) ? value : []).map(folded));
      return condition.values.some((candidate) => held.has(folded(candidate)));
    }
    case 'between': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      return (
        (condition.min === undefined || value >= condition.min) &&
        (condition.max === undefined || value <= condition.max)
      );
    }
  }
}

const rounded = (points: number) => Math.round(points * 10) / 10;

export function fitScore(rules: FitRule[], record: Record<string, unknown>): ScorePart {
  const fired = rules
    .filter((rule) => conditionHolds(rule.condition, valueAt(record, rule.field)))
    .map((rule) => ({ ruleId: rule.id, label: rule.label, points: rule.points }));
  return { points: rounded(fired.reduce((sum, rule) => sum + rule.points, 0)), fired };
}

/** What `points` earned `ageDays` ago are worth today: halved every half-life. */
export function decayed(points: number, ageDays: number, halfLifeDays: number): number {
  if (halfLifeDays <= 0 || ageDays <= 0) return points;
  return points * 0.5 ** (ageDays / halfLifeDays);
}

function matches(rule: EngagementRule, event: BehaviourEvent): boolean {
  if (event.type !== rule.event) return false;
  return rule.pathContains === undefined || (event.path ?? '').includes(rule.pathContains);
}

export function engagementScore(
  rules: EngagementRule[],
  events: BehaviourEvent[],
  halfLifeDays: number,
  now: Date,
): ScorePart {
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    const matched = events.filter((event) => matches(rule, event) && event.at.getTime() <= now.getTime());
    if (matched.length === 0) continue;
    const sum = matched.reduce(
      (total, event) =>
        total + decayed(rule.points, (now.getTime() - event.at.getTime()) / DAY_MS, halfLifeDays),
      0,
    );
    const capped = rule.cap === undefined ? sum : Math.sign(sum) * Math.min(Math.abs(sum), rule.cap);
    fired.push({ ruleId: rule.id, label: rule.label, points: rounded(capped), events: matched.length });
  }
  return { points: rounded(fired.reduce((sum, rule) => sum + rule.points, 0)), fired };
}

/** Fit and engagement, each with the rules that fired, their sum, and whether it reaches MQL. */
export function leadScore(
  model: ScoringModel,
  record: Record<string, unknown>,
  events: BehaviourEvent[],
  now: Date,
): LeadScore {
  const fit = fitScore(model.fit, record);
  const engagement = engagementScore(model.engagement, events, model.halfLifeDays, now);
  const total = rounded(fit.points + engagement.points);
  return { fit, engagement, total, isMql: total >= model.mqlThreshold };
}
