import { type TechnologyCategory, type TechnologyRule, technologyRules } from './technology-rules.ts';

/** What a page shows of itself: the raw material the rules are matched against. */
export interface PageEvidence {
  html: string;
  scriptSrc: readonly string[];
  /** Meta tag name (lower case) to its contents. */
  meta: Readonly<Record<string, readonly string[]>>;
  /** Response header name (lower case) to its values. */
  headers: Readonly<Record<string, readonly string[]>>;
  cookies: readonly string[];
}

export type EvidenceKind = 'scriptSrc' | 'html' | 'meta' | 'headers' | 'cookies' | 'implied';

export interface DetectedTechnology {
  name: string;
  category: TechnologyCategory;
  /** The first kind of trace that matched, or `implied` when another product brought it along. */
  matchedOn: EvidenceKind;
}

interface CompiledRule {
  rule: TechnologyRule;
  scriptSrc: RegExp[];
  html: RegExp[];
  meta: [string, RegExp][];
  headers: [string, RegExp][];
  cookies: RegExp[];
}

/** Longest HTML the rules read: the traces sit in the head and the first scripts, and it caps regex time. */
const HTML_LIMIT = 1_000_000;

const pattern = (source: string) => new RegExp(source, 'i');
const compiledRules = new WeakMap<readonly TechnologyRule[], CompiledRule[]>();

function compile(rules: readonly TechnologyRule[]): CompiledRule[] {
  const cached = compiledRules.get(rules);
  if (cached) return cached;
  const compiled = rules.map((rule) => ({
    rule,
    scriptSrc: (rule.scriptSrc ?? []).map(pattern),
    html: (rule.html ?? []).map(pattern),
    meta: Object.entries(rule.meta ?? {}).map(
      ([name, source]) => [name, pattern(source)] as [string, RegExp],
    ),
    headers: Object.entries(rule.headers ?? {}).map(
      ([name, source]) => [name, pattern(source)] as [string, RegExp],
    ),
    cookies: (rule.cookies ?? []).map(pattern),
  }));
  compiledRules.set(rules, compiled);
  return compiled;
}

function firstMatch(rule: CompiledRule, page: PageEvidence, html: string): EvidenceKind | null {
  const any = (patterns: RegExp[], values: readonly string[]) =>
    patterns.some((regex) => values.some((value) => regex.test(value)));
  const named = (pairs: [string, RegExp][], values: Readonly<Record<string, readonly string[]>>) =>
    pairs.some(([name, regex]) => (values[name] ?? []).some((value) => regex.test(value)));
  if (any(rule.scriptSrc, page.scriptSrc)) return 'scriptSrc';
  if (named(rule.meta, page.meta)) return 'meta';
  if (named(rule.headers, page.headers)) return 'headers';
  if (any(rule.cookies, page.cookies)) return 'cookies';
  if (rule.html.some((regex) => regex.test(html))) return 'html';
  return null;
}

/** The technologies a page shows, each once, with the ones they imply; sorted by category, then name. */
export function detectTechnologies(
  page: PageEvidence,
  rules: readonly TechnologyRule[] = technologyRules,
): DetectedTechnology[] {
  const html = page.html.length > HTML_LIMIT ? page.html.slice(0, HTML_LIMIT) : page.html;
  const compiled = compile(rules);
  const found = new Map<string, DetectedTechnology>();
  for (const candidate of compiled) {
    const matchedOn = firstMatch(candidate, page, html);
    if (matchedOn) found.set(candidate.rule.name, { ...ruleFacts(candidate.rule), matchedOn });
  }
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  const pending = [...found.values()];
  while (pending.length > 0) {
    const detected = pending.pop() as DetectedTechnology;
    for (const name of byName.get(detected.name)?.implies ?? []) {
      const implied = byName.get(name);
      if (!implied || found.has(name)) continue;
      const entry: DetectedTechnology = { ...ruleFacts(implied), matchedOn: 'implied' };
      found.set(name, entry);
      pending.push(entry);
    }
  }
  return [...found.values()].sort(
    (a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name),
  );
}

const ruleFacts = (rule: TechnologyRule) => ({ name: rule.name, category: rule.category });

const categoryByName = new Map(technologyRules.map((rule) => [rule.name.toLowerCase(), rule.category]));

/** The category of a technology name, for grouping an account's list; names Baken has no rule for are `null`. */
export function technologyCategory(name: string): TechnologyCategory | null {
  return categoryByName.get(name.trim().toLowerCase()) ?? null;
}
