import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's current scrypt cost (Password Storage Cheat Sheet): N=2^17, r=8, p=1. One hash needs 128·N·r = 128 MiB,
// above Node's 32 MiB default `maxmem`, so the limit is raised; older, cheaper hashes still verify and are upgraded
// on the next successful login.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 256 * 1024 * 1024;
// Stored parameters are only trusted up to what a login may cost.
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, n = N, r = R, p = P): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

// Stored as scrypt$N$r$p$salt$hash so the cost can be raised later without breaking old hashes.
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parse(stored: string): { n: number; r: number; p: number; salt: string; hash: string } | null {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const cost = { n: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !hash || !salt) return null;
  if (!Number.isInteger(cost.n) || cost.n < 2 || cost.n > MAX_N || cost.r !== R || cost.p !== P) return null;
  return { ...cost, salt, hash };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64');
  const key = await derive(password, Buffer.from(parsed.salt, 'base64'), parsed.n, parsed.r, parsed.p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// A hash made at a lower cost than today's.
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.n < N;
}

// Spent on an unknown user name so that answering takes as long as for a real account.
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy-password-never-matches');
  await verifyPassword(password, await decoy);
  return false;
}
