import { IDEA_TRANSITIONS } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { actionLabel, canAllMove, movesFrom } from './workflow';

describe('movesFrom', () => {
  it('offers the agency its moves from a fresh idea and the client none', () => {
    expect(movesFrom('GENERATED', 'agency').map((move) => move.to)).toEqual([
      'PENDING_CLIENT',
      'AGENCY_REJECTED',
    ]);
    expect(movesFrom('GENERATED', 'client')).toEqual([]);
  });

  it('lets only the client answer an idea waiting for it; the agency can only withdraw it', () => {
    expect(movesFrom('PENDING_CLIENT', 'client').map((move) => move.to)).toEqual([
      'CLIENT_APPROVED',
      'CHANGES_REQUESTED',
      'CLIENT_REJECTED',
    ]);
    expect(movesFrom('PENDING_CLIENT', 'agency').map((move) => move.to)).toEqual(['GENERATED']);
  });

  it('offers nothing from an answered idea', () => {
    expect(movesFrom('CLIENT_APPROVED', 'agency')).toEqual([]);
    expect(movesFrom('CLIENT_REJECTED', 'client')).toEqual([]);
  });
});

describe('canAllMove', () => {
  it('is true only when every selected idea can make the move', () => {
    expect(canAllMove(['GENERATED', 'CHANGES_REQUESTED'], 'PENDING_CLIENT', 'agency')).toBe(true);
    expect(canAllMove(['GENERATED', 'PENDING_CLIENT'], 'PENDING_CLIENT', 'agency')).toBe(false);
    expect(canAllMove(['PENDING_CLIENT'], 'CLIENT_APPROVED', 'agency')).toBe(false);
  });

  it('is false for an empty selection', () => {
    expect(canAllMove([], 'PENDING_CLIENT', 'agency')).toBe(false);
  });
});

describe('actionLabel', () => {
  it('names each move of the workflow in words, never by its status code', () => {
    for (const transition of IDEA_TRANSITIONS) {
      expect(actionLabel(transition)).not.toBe(transition.to);
    }
    expect(actionLabel({ from: 'CHANGES_REQUESTED', to: 'PENDING_CLIENT' })).toBe('Resubmit to client');
    expect(actionLabel({ from: 'PENDING_CLIENT', to: 'GENERATED' })).toBe('Withdraw');
  });

  it('falls back to the target status for a move outside the workflow', () => {
    expect(actionLabel({ from: 'CLIENT_APPROVED', to: 'GENERATED' })).toBe('GENERATED');
  });
});
