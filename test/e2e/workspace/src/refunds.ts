// Refunds: a Chargeback reverses a captured payment at the card network's request; a Clawback
// recovers a payout we sent by mistake. Both write a new ledger entry, never an edit.
export type RefundReason = 'chargeback' | 'clawback' | 'customer-request';

export function isDispute(reason: RefundReason): boolean {
  return reason === 'chargeback';
}
