import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The Grafana dashboard and the Prometheus alert rules in ops/ are data nobody runs in the tests
 * (promtool is not on these machines): this checks that they parse, that each expression is
 * well formed, and that it names only metrics the services define.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const METRIC_SOURCES = [
  'apps/api/src/http/metrics.ts',
  'apps/api/src/modules/generations/generations.metrics.ts',
  'apps/ai-service/src/metrics.ts',
];
const PROMQL_WORDS = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'count',
  'by',
  'without',
  'rate',
  'irate',
  'increase',
  'histogram_quantile',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
]);

function definedMetrics(): Set<string> {
  const names = new Set<string>();
  for (const file of METRIC_SOURCES) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const [, name] of source.matchAll(/name: '([a-z_]+)'/g)) {
      // A histogram is scraped as three series.
      for (const suffix of ['', '_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    }
  }
  return names;
}

/** What makes an expression fail to parse: unbalanced brackets or quotes, an empty selector, a stray character. */
function promqlProblems(expr: string, metrics: Set<string>): string[] {
  const problems: string[] = [];
  const closing: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const open: string[] = [];
  // Label values and matchers first, so their content is not read as names.
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if ((withoutStrings.match(/"/g) ?? []).length % 2 !== 0) problems.push('unclosed quote');
  for (const char of withoutStrings) {
    if (char in closing) open.push(closing[char] as string);
    else if (Object.values(closing).includes(char) && open.pop() !== char)
      problems.push(`unbalanced ${char}`);
  }
  if (open.length > 0) problems.push(`unclosed ${open.join('')}`);
  if (/\{\s*\}/.test(withoutStrings)) problems.push('empty selector');
  if (/[^\w\s(){}[\]",.=~!<>*/+\-:^%]/.test(withoutStrings)) problems.push('unexpected character');
  const matchers = withoutStrings.replace(/\{[^}]*\}/g, '{}').replace(/\[[^\]]*\]/g, '[]');
  const byClauses = matchers.replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '$1()');
  for (const [word] of byClauses.matchAll(/[a-zA-Z_:][\w:]*/g)) {
    if (PROMQL_WORDS.has(word)) continue;
    if (!metrics.has(word)) problems.push(`unknown metric ${word}`);
  }
  return problems;
}

describe('ops files', () => {
  const metrics = definedMetrics();

  it('when the alert rules are read, then every rule has a name, a well-formed expression on known metrics and a summary', () => {
    const rules = parse(fs.readFileSync(path.join(root, 'ops/prometheus/alerts.yml'), 'utf8')) as {
      groups: {
        name: string;
        rules: { alert: string; expr: string; for?: string; annotations: { summary: string } }[];
      }[];
    };
    const all = rules.groups.flatMap((group) => group.rules);
    expect(all.map((rule) => rule.alert).sort()).toEqual([
      'MuseAiServiceErrorRate',
      'MuseApiErrorRate',
      'MuseApiLatencyP99',
      'MuseGenerationFailures',
      'MuseGenerationQueueBacklog',
      'MuseGenerationQuotaRefusals',
      'MuseTokenSpendAboveBudget',
    ]);
    for (const rule of all) {
      expect(promqlProblems(rule.expr, metrics), rule.alert).toEqual([]);
      expect(rule.for ?? '0m', rule.alert).toMatch(/^\d+[smh]$/);
      expect(rule.annotations.summary, rule.alert).not.toBe('');
    }
  });

  it('when the dashboard is read, then it is Grafana JSON whose every panel queries known metrics', () => {
    const dashboard = JSON.parse(
      fs.readFileSync(path.join(root, 'ops/grafana/muse-overview.json'), 'utf8'),
    ) as {
      uid: string;
      panels: { id: number; title: string; targets: { expr: string }[] }[];
    };
    expect(dashboard.uid).toBe('muse-overview');
    expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length);
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets)
        expect(promqlProblems(target.expr, metrics), panel.title).toEqual([]);
    }
  });

  it('when an expression is malformed or names a metric nobody defines, then it is reported', () => {
    expect(promqlProblems('sum(rate(generation_outcomes_total[5m])', metrics)).toContain('unclosed )');
    expect(promqlProblems('rate(generations_finished_total[5m])', metrics)).toContain(
      'unknown metric generations_finished_total',
    );
    expect(promqlProblems('max(generation_queue_depth{})', metrics)).toContain('empty selector');
  });
});
