import { describe, expect, it } from 'vitest';
import { median } from './load.ts';
import { writeSubstitution } from './replay.ts';
import { writeRequests } from './write-requests.ts';

const sample = {
  ideaId: 'aaaaaaaa-0000-4000-8000-000000000001',
  version: 7919,
  from: 'GENERATED',
  to: 'AGENCY_REJECTED',
};
const other = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('baseline replay', () => {
  it('when replaying the sample write for another idea and the move back, then every sample value is swapped', () => {
    const swap = writeSubstitution(sample, other, 4, 'GENERATED');
    expect(swap(sample.ideaId)).toBe(other);
    expect(swap(7919)).toBe(4);
    expect(swap(7920)).toBe(5);
    expect(swap(1)).toBe(1);
    expect(swap('AGENCY_REJECTED')).toBe('GENERATED');
    expect(swap('{"from":"GENERATED","to":"AGENCY_REJECTED"}')).toBe(
      '{"from":"AGENCY_REJECTED","to":"GENERATED"}',
    );
  });
});

describe('status writes', () => {
  it('when a write succeeds, then the next write of that idea carries the new version and moves it back', () => {
    const [request] = writeRequests([{ id: other, version: 3 }]);
    const setup = request?.setupRequest as (
      request: object,
      context: object,
    ) => { path: string; body: string };
    const onResponse = request?.onResponse as (status: number, body: string, context: object) => void;
    const context = {};
    const first = setup({}, context);
    expect(first.path).toBe(`/api/ideas/${other}`);
    expect(JSON.parse(first.body)).toEqual({ status: 'AGENCY_REJECTED', version: 3 });
    onResponse(200, JSON.stringify({ version: 4, status: 'AGENCY_REJECTED' }), context);
    const second = setup({}, {});
    expect(JSON.parse(second.body)).toEqual({ status: 'GENERATED', version: 4 });
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
