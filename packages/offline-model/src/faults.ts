/**
 * Fault injection: each kind of failure fires for the next N calls and/or at a rate per call.
 * Pending "next N" faults fire first, in the order of FAULT_KINDS; then one roll decides among the rates.
 */
export const FAULT_KINDS = [
  /** 429 with Retry-After. */
  'rate_limit',
  /** 500. */
  'server_error',
  /** No answer until the client gives up (or hangMs passes). */
  'hang',
  /** 200 whose message content is not JSON. */
  'malformed_json',
  /** 200 whose JSON content is cut off, finish_reason "length". */
  'truncated_json',
  /** 200 with valid ideas, one of which uses a phrase from the brand's don't list. */
  'banned_phrase',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  /** Probability per call, 0..1. */
  rate: number;
  /** Fire for this many of the next calls. */
  next: number;
}

export interface ModelBehaviour {
  latencyMs: number;
  retryAfterMs: number;
  hangMs: number;
  /** The phrase banned_phrase injects; null takes the first of the prompt's don't list. */
  bannedPhrase: string | null;
}

export type FaultRules = Record<FaultKind, FaultRule>;

/** What POST /_faults accepts: any fault kinds and behaviour settings, merged into the current state. */
export type FaultUpdate = Partial<Record<FaultKind, Partial<FaultRule>>> & Partial<ModelBehaviour>;

export class FaultConfigError extends Error {
  override name = 'FaultConfigError';
}

export const DEFAULT_BEHAVIOUR: ModelBehaviour = {
  latencyMs: 0,
  retryAfterMs: 1000,
  hangMs: 120_000,
  bannedPhrase: null,
};

export class FaultInjector {
  private rules: FaultRules = noFaults();
  private behaviourState: ModelBehaviour;
  private readonly injected = new Map<FaultKind, number>();
  private readonly initial: FaultUpdate;
  private readonly random: () => number;

  constructor(initial: FaultUpdate = {}, random: () => number = Math.random) {
    this.initial = initial;
    this.random = random;
    this.behaviourState = { ...DEFAULT_BEHAVIOUR };
    this.update(initial);
  }

  get behaviour(): Readonly<ModelBehaviour> {
    return this.behaviourState;
  }

  /** Merges `update` into the current rules; throws FaultConfigError (and changes nothing) when invalid. */
  update(update: FaultUpdate): void {
    if (typeof update !== 'object' || update === null || Array.isArray(update)) {
      throw new FaultConfigError('Expected an object of fault kinds and settings');
    }
    const next = structuredClone(this.rules);
    const behaviour = { ...this.behaviourState };
    for (const [key, value] of Object.entries(update)) {
      if (isFaultKind(key)) next[key] = mergeRule(key, next[key], value);
      else if (key === 'bannedPhrase') behaviour.bannedPhrase = phraseOrNull(value);
      else if (key === 'latencyMs' || key === 'retryAfterMs' || key === 'hangMs')
        behaviour[key] = milliseconds(key, value);
      else
        throw new FaultConfigError(
          `Unknown setting "${key}"; expected one of ${[...FAULT_KINDS].join(', ')}, latencyMs, retryAfterMs, hangMs, bannedPhrase`,
        );
    }
    const totalRate = FAULT_KINDS.reduce((sum, kind) => sum + next[kind].rate, 0);
    if (totalRate > 1)
      throw new FaultConfigError(`The fault rates add up to ${totalRate}; they must not exceed 1`);
    this.rules = next;
    this.behaviourState = behaviour;
  }

  /** Back to the state the injector was created with. */
  reset(): void {
    this.rules = noFaults();
    this.behaviourState = { ...DEFAULT_BEHAVIOUR };
    this.update(this.initial);
  }

  /** The fault for the call about to be answered, or null for a normal answer. */
  draw(): FaultKind | null {
    const pending = FAULT_KINDS.find((kind) => this.rules[kind].next > 0);
    if (pending) {
      this.rules[pending].next -= 1;
      return this.count(pending);
    }
    let roll = this.random();
    for (const kind of FAULT_KINDS) {
      roll -= this.rules[kind].rate;
      if (roll < 0) return this.count(kind);
    }
    return null;
  }

  snapshot() {
    return {
      faults: structuredClone(this.rules),
      behaviour: { ...this.behaviourState },
      injected: Object.fromEntries(FAULT_KINDS.map((kind) => [kind, this.injected.get(kind) ?? 0])),
    };
  }

  private count(kind: FaultKind): FaultKind {
    this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
    return kind;
  }
}

/**
 * Parses the compact form used in the environment: `rate_limit=0.2,hang=x3` means a 20 % chance of a
 * 429 on each call and a hang on each of the next three calls.
 */
export function parseFaultSpec(spec: string): FaultUpdate {
  const update: FaultUpdate = {};
  for (const entry of spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [kind, value = ''] = entry.split('=').map((part) => part.trim());
    if (!kind || !isFaultKind(kind)) throw new FaultConfigError(`Unknown fault "${kind}" in "${entry}"`);
    const count = /^x(\d+)$/.exec(value);
    if (count) update[kind] = { ...update[kind], next: Number(count[1]) };
    else if (/^(0(\.\d+)?|1(\.0+)?)$/.test(value)) update[kind] = { ...update[kind], rate: Number(value) };
    else throw new FaultConfigError(`"${entry}": expected a rate between 0 and 1 or xN for the next N calls`);
  }
  return update;
}

function noFaults(): FaultRules {
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, { rate: 0, next: 0 }])) as FaultRules;
}

function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

function mergeRule(kind: FaultKind, current: FaultRule, value: unknown): FaultRule {
  if (typeof value !== 'object' || value === null)
    throw new FaultConfigError(`${kind}: expected { rate?, next? }`);
  const merged = { ...current };
  for (const [key, setting] of Object.entries(value)) {
    if (key === 'rate') {
      if (typeof setting !== 'number' || !(setting >= 0 && setting <= 1)) {
        throw new FaultConfigError(`${kind}.rate: expected a number between 0 and 1`);
      }
      merged.rate = setting;
    } else if (key === 'next') {
      if (!Number.isInteger(setting) || (setting as number) < 0) {
        throw new FaultConfigError(`${kind}.next: expected a whole number ≥ 0`);
      }
      merged.next = setting as number;
    } else {
      throw new FaultConfigError(`${kind}: unknown setting "${key}"; expected rate or next`);
    }
  }
  return merged;
}

function milliseconds(key: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 600_000) {
    throw new FaultConfigError(`${key}: expected whole milliseconds between 0 and 600000`);
  }
  return value as number;
}

function phraseOrNull(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !value.trim())
    throw new FaultConfigError('bannedPhrase: expected a phrase or null');
  return value.trim();
}
