// Login throttling as a bank runs it, kept free of I/O so the policy can be read and tested on its own.
// Every key (one per account name, one per client address) counts consecutive failures. After a few free attempts
// each further attempt must wait twice as long as the one before; at the limit the key is locked for a while.
// Failures older than the lock-out period are forgotten; a successful login clears its account's count.

export interface ThrottlePolicy {
  // Failures on one account that lock it; an address is locked after ADDRESS_FACTOR times as many.
  maxFailures: number;
  lockMinutes: number;
}

export interface ThrottleState {
  key: string;
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export type ThrottleKind = 'account' | 'address';

export const FREE_FAILURES: Record<ThrottleKind, number> = { account: 3, address: 10 };
export const ADDRESS_FACTOR = 5;
const BASE_DELAY_MS = 1000;

export function kindOf(key: string): ThrottleKind {
  return key.startsWith('address:') ? 'address' : 'account';
}

export function lockThreshold(kind: ThrottleKind, policy: ThrottlePolicy): number {
  return kind === 'account' ? policy.maxFailures : policy.maxFailures * ADDRESS_FACTOR;
}

// The delay after `failures` consecutive failures: none for the first few, then 1 s, 2 s, 4 s, …
export function delayAfter(kind: ThrottleKind, failures: number): number {
  const over = failures - FREE_FAILURES[kind];
  return over < 0 ? 0 : BASE_DELAY_MS * 2 ** Math.min(over, 16);
}

// Failures count only while they are recent; an expired lock-out starts the count again.
export function liveFailures(state: ThrottleState | undefined, now: Date, policy: ThrottlePolicy): number {
  if (!state) return 0;
  if (state.lockedUntil && state.lockedUntil <= now) return 0;
  if (!state.lockedUntil && now.getTime() - state.lastFailureAt.getTime() > policy.lockMinutes * 60_000) return 0;
  return state.failures;
}

export interface Refusal {
  kind: ThrottleKind;
  locked: boolean;
  until: Date;
}

// Why the next attempt must not be checked yet, if it must not: a lock-out wins over a delay, the later wins.
export function refusalFor(states: ThrottleState[], now: Date, policy: ThrottlePolicy): Refusal | null {
  let worst: Refusal | null = null;
  for (const state of states) {
    const kind = kindOf(state.key);
    const failures = liveFailures(state, now, policy);
    if (failures === 0) continue;
    const locked = !!state.lockedUntil && state.lockedUntil > now;
    if (!locked && delayAfter(kind, failures) === 0) continue;
    const until = locked ? state.lockedUntil! : new Date(state.lastFailureAt.getTime() + delayAfter(kind, failures));
    if (until <= now) continue;
    if (!worst || (locked && !worst.locked) || (locked === worst.locked && until > worst.until))
      worst = { kind, locked, until };
  }
  return worst;
}

// The state after one more failure.
export function afterFailure(
  key: string,
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleState {
  const kind = kindOf(key);
  const failures = liveFailures(state, now, policy) + 1;
  const lockedUntil =
    failures >= lockThreshold(kind, policy) ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  return { key, failures, lastFailureAt: now, lockedUntil };
}
