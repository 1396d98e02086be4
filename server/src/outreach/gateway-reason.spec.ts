import { gatewayReason } from './outreach-receipts.service';

describe('gatewayReason', () => {
  it('masks numbers and addresses a gateway may quote, and says when no reason came', () => {
    expect(gatewayReason('number +86 138-0013-8000 is not reachable')).toBe('number [number] is not reachable');
    expect(gatewayReason('mailbox wang@example.cn full (552)')).toBe('mailbox [address] full (552)');
    expect(gatewayReason(undefined)).toBe('no reason given');
    expect(gatewayReason('x'.repeat(300))).toHaveLength(200);
  });
});
