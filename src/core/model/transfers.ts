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

/** How payments are netted (model v3): one per pair of parties, or the fewest through one another. */
export type NettingKind = "bilateral" | "multilateral";

/** One pair of parties {a, b} (a before b in the party order) and what a owes b over it: positive, a pays b; negative, b pays a. */
export interface PairBalance {
  a: number;
  b: number;
  /** öre: Σ a→b − Σ b→a */
  amount: bigint;
}

/**
 * Per pair of parties {a, b} with a < b, the bilateral balance Σ moves a→b − Σ moves b→a (model
 * v3, "Netting"). Every pair that has a move is listed (also when it nets to zero), in party order.
 */
export function pairBalances(n: number, moves: Iterable<{ payer: number; payee: number; amount: bigint }>): PairBalance[] {
  const at = new Map<number, bigint>();
  for (const m of moves) {
    if (m.payer === m.payee) continue;
    const a = Math.min(m.payer, m.payee);
    const b = Math.max(m.payer, m.payee);
    const signed = m.payer === a ? m.amount : -m.amount;
    at.set(a * n + b, (at.get(a * n + b) ?? 0n) + signed);
  }
  return [...at.entries()].sort((x, y) => x[0] - y[0]).map(([k, amount]) => ({ a: Math.floor(k / n), b: k % n, amount }));
}

/** The payments of pair balances: one per pair whose balance is not zero, in pair order (a pays b when positive, b pays a when negative). */
export function pairTransfers(balances: readonly PairBalance[]): Transfer[] {
  return balances.filter((p) => p.amount !== 0n).map((p) => (p.amount > 0n ? { payer: p.a, payee: p.b, amount: p.amount } : { payer: p.b, payee: p.a, amount: -p.amount }));
}

/** Bilateral netting (model v3): one payment per pair of parties, Σ a→b − Σ b→a over every move. */
export function bilateralTransfers(n: number, moves: Iterable<{ payer: number; payee: number; amount: bigint }>): Transfer[] {
  return pairTransfers(pairBalances(n, moves));
}

/**
 * The payments that settle a set of moves under a netting: bilateral, one per pair of parties;
 * multilateral, the fewest that settle the balances (`balance[p]` = received − paid).
 */
export function nettedTransfers(netting: NettingKind, n: number, moves: readonly { payer: number; payee: number; amount: bigint }[], balance: readonly bigint[]): Transfer[] {
  return netting === "bilateral" ? bilateralTransfers(n, moves) : settlementTransfers(balance);
}

/** The most payments a netting can need among n parties: one per pair (bilateral), n − 1 (multilateral). */
export function maxTransfers(netting: NettingKind, n: number): number {
  return netting === "bilateral" ? (n * (n - 1)) / 2 : Math.max(0, n - 1);
}
