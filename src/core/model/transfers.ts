/**
 * Settlement transfers (model.md, step 4 and key compliance): the fewest payments that bring
 * every balance to zero, largest debtor paying largest creditor first. Each payment zeroes at
 * least one party, so n parties need at most n − 1 payments.
 */

export interface Transfer {
  payer: number;
  payee: number;
  /** öre, always > 0 */
  amount: bigint;
}

/** The balances after the transfers are paid: all zero when they settle. */
export function balancesAfter(balance: readonly bigint[], transfers: readonly Transfer[]): bigint[] {
  const after = [...balance];
  for (const t of transfers) {
    after[t.payer] = (after[t.payer] as bigint) + t.amount;
    after[t.payee] = (after[t.payee] as bigint) - t.amount;
  }
  return after;
}

/**
 * `balance[p]` > 0: p is owed money (a creditor); < 0: p owes. The balances must sum to zero.
 * Ties go to the party that comes first.
 */
export function settlementTransfers(balance: readonly bigint[]): Transfer[] {
  const left = [...balance];
  const transfers: Transfer[] = [];
  for (;;) {
    let debtor = -1;
    let creditor = -1;
    left.forEach((v, i) => {
      if (v < 0n && (debtor < 0 || v < (left[debtor] as bigint))) debtor = i;
      if (v > 0n && (creditor < 0 || v > (left[creditor] as bigint))) creditor = i;
    });
    if (debtor < 0 || creditor < 0) break;
    const owed = -(left[debtor] as bigint);
    const due = left[creditor] as bigint;
    const amount = owed < due ? owed : due;
    transfers.push({ payer: debtor, payee: creditor, amount });
    left[debtor] = (left[debtor] as bigint) + amount;
    left[creditor] = (left[creditor] as bigint) - amount;
  }
  return transfers;
}
