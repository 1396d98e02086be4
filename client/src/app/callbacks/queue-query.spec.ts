import { convertToParamMap } from '@angular/router';
import {
  DEFAULT_QUEUE_STATE,
  countsQuery,
  listQuery,
  paramsFromQueueState,
  queueStateFromParams,
  sameQueueState,
} from './queue-query';

describe('queue state in the URL', () => {
  it('reads the view, filters and page, and falls back on anything unknown', () => {
    expect(
      queueStateFromParams(convertToParamMap({ view: 'today', kind: 'service_recovery', valueTier: 'high', departmentId: '2', sort: '-value', page: '3' })),
    ).toEqual({
      view: 'today',
      kind: 'service_recovery',
      valueTier: 'high',
      departmentId: 2,
      sort: '-value',
      page: 3,
      pageSize: 20,
    });
    expect(queueStateFromParams(convertToParamMap({ view: 'yesterday', kind: 'spam', valueTier: 'gold', departmentId: '-1', sort: 'name', page: 'x', pageSize: '500' }))).toEqual({
      ...DEFAULT_QUEUE_STATE,
      pageSize: 100,
    });
  });

  it('drops a kind the role does not work, so a shared link never asks for a refused queue', () => {
    const params = convertToParamMap({ view: 'today', kind: 'manual' });
    expect(queueStateFromParams(params, ['service_recovery']).kind).toBeNull();
    expect(queueStateFromParams(convertToParamMap({ kind: 'service_recovery' }), ['service_recovery']).kind).toBe('service_recovery');
    expect(queueStateFromParams(params).kind).toBe('manual');
  });

  it('writes only what differs from the default', () => {
    expect(paramsFromQueueState(DEFAULT_QUEUE_STATE)).toEqual({
      view: null,
      kind: null,
      valueTier: null,
      departmentId: null,
      sort: null,
      page: null,
      pageSize: null,
    });
    const state = { ...DEFAULT_QUEUE_STATE, view: 'upcoming' as const, kind: 'manual' as const, valueTier: 'low' as const, departmentId: 4, sort: 'priority', page: 2 };
    expect(paramsFromQueueState(state)).toEqual({ view: 'upcoming', kind: 'manual', valueTier: 'low', departmentId: 4, sort: 'priority', page: 2, pageSize: null });
    expect(
      queueStateFromParams(convertToParamMap({ view: 'upcoming', kind: 'manual', valueTier: 'low', departmentId: '4', sort: 'priority', page: '2' })),
    ).toEqual(state);
  });

  it('asks the list for the view and the counts for the same filters', () => {
    const state = { ...DEFAULT_QUEUE_STATE, view: 'today' as const, kind: 'rehab_check' as const, valueTier: 'high' as const, departmentId: 8 };
    expect(listQuery(state)).toEqual({ view: 'today', kind: 'rehab_check', valueTier: 'high', departmentId: 8, page: 1, pageSize: 20 });
    expect(countsQuery(state)).toEqual({ kind: 'rehab_check', valueTier: 'high', departmentId: 8 });
    expect(countsQuery(DEFAULT_QUEUE_STATE)).toEqual({});
  });

  it('compares states field by field', () => {
    expect(sameQueueState(DEFAULT_QUEUE_STATE, { ...DEFAULT_QUEUE_STATE })).toBe(true);
    expect(sameQueueState(DEFAULT_QUEUE_STATE, { ...DEFAULT_QUEUE_STATE, page: 2 })).toBe(false);
  });
});
