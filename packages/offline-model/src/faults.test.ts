import { describe, expect, it } from 'vitest';
import { FaultConfigError, FaultInjector, parseFaultSpec } from './faults.ts';

describe('fault injection', () => {
  it('when faults are set for the next N calls, then they fire in order, once each, then stop', () => {
    const faults = new FaultInjector({ hang: { next: 1 }, rate_limit: { next: 2 } });
    expect([faults.draw(), faults.draw(), faults.draw(), faults.draw()]).toEqual([
      'rate_limit',
      'rate_limit',
      'hang',
      null,
    ]);
    expect(faults.snapshot().injected).toMatchObject({ rate_limit: 2, hang: 1, server_error: 0 });
  });

  it('when faults have rates, then one roll picks among them by their share', () => {
    const rolls = [0.05, 0.25, 0.6];
    const faults = new FaultInjector(
      { server_error: { rate: 0.1 }, malformed_json: { rate: 0.2 } },
      () => rolls.shift() ?? 1,
    );
    expect([faults.draw(), faults.draw(), faults.draw()]).toEqual(['server_error', 'malformed_json', null]);
  });

  it('when an update is invalid, then it is refused whole and nothing changes', () => {
    const faults = new FaultInjector();
    expect(() => faults.update({ rate_limit: { rate: 0.7 }, server_error: { rate: 0.7 } })).toThrow(
      /must not exceed 1/,
    );
    expect(() => faults.update({ hang: { next: -1 } })).toThrow(FaultConfigError);
    expect(() => faults.update({ flood: { rate: 1 } } as never)).toThrow(/Unknown setting "flood"/);
    expect(() => faults.update({ latencyMs: 1.5 })).toThrow(/latencyMs/);
    expect(faults.snapshot().faults.rate_limit).toEqual({ rate: 0, next: 0 });
  });

  it('when reset, then the faults and behaviour go back to how the injector started', () => {
    const faults = new FaultInjector({ latencyMs: 200, hang: { rate: 0.5 } });
    faults.update({ latencyMs: 0, hang: { rate: 0 }, server_error: { next: 3 }, bannedPhrase: 'cheap' });
    faults.reset();
    expect(faults.behaviour).toMatchObject({ latencyMs: 200, bannedPhrase: null });
    expect(faults.snapshot().faults).toMatchObject({
      hang: { rate: 0.5, next: 0 },
      server_error: { rate: 0, next: 0 },
    });
  });

  it('when the environment spec is parsed, then rates and xN counts become rules; junk is refused', () => {
    expect(parseFaultSpec('rate_limit=0.2, hang=x3,server_error=1')).toEqual({
      rate_limit: { rate: 0.2 },
      hang: { next: 3 },
      server_error: { rate: 1 },
    });
    expect(parseFaultSpec('')).toEqual({});
    expect(() => parseFaultSpec('meteor=0.1')).toThrow(/Unknown fault "meteor"/);
    expect(() => parseFaultSpec('hang=often')).toThrow(/expected a rate/);
    expect(() => parseFaultSpec('hang=1.5')).toThrow(/expected a rate/);
  });
});
