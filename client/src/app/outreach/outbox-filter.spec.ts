import { canRetry, isFiltered, outboxQuery, withFilter } from './outbox-filter';

describe('outbox filter', () => {
  it('asks the API for the filters set and the page', () => {
    expect(outboxQuery({ status: 'failed', channel: 'sms', from: '2026-03-01' }, { page: 2, pageSize: 50 })).toEqual({
      status: 'failed',
      channel: 'sms',
      from: '2026-03-01',
      page: 2,
      pageSize: 50,
    });
    expect(outboxQuery({}, { page: 1, pageSize: 20 })).toEqual({ page: 1, pageSize: 20 });
  });

  it('drops a cleared field and says whether anything is filtered', () => {
    const filter = withFilter({ status: 'failed', kind: 'survey_invitation' }, { status: undefined, to: '2026-03-31' });
    expect(filter).toEqual({ kind: 'survey_invitation', to: '2026-03-31' });
    expect(withFilter(filter, { kind: null as never, to: '' })).toEqual({});
    expect(isFiltered({})).toBe(false);
    expect(isFiltered(filter)).toBe(true);
  });

  it('offers a retry on failed messages only', () => {
    expect(['queued', 'sent', 'delivered', 'failed', 'suppressed'].filter((status) => canRetry({ status: status as never }))).toEqual(['failed']);
  });
});
