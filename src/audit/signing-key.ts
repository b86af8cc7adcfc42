import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditConfig } from '../config/app-config.js';
import { keyIdOf } from './checkpoint.js';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  publicKeyPem: string;
  source: 'environment' | 'file' | 'generated';
}

// The checkpoint key never enters PostgreSQL: it comes from AUDIT_SIGNING_KEY, or from a file in the data area that
// the first start creates (readable by this account only).
export function loadSigningKey(config: AuditConfig): SigningKey {
  if (config.signingKeyPem) return describe(parse(config.signingKeyPem, 'AUDIT_SIGNING_KEY'), 'environment');
  try {
    return describe(parse(readFileSync(config.keyFile, 'utf8'), config.keyFile), 'file');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(config.keyFile), { recursive: true, mode: 0o700 });
  try {
    // 'wx': if another process created the key in the meantime, use theirs.
    writeFileSync(config.keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return describe(parse(readFileSync(config.keyFile, 'utf8'), config.keyFile), 'file');
  }
  return describe(privateKey, 'generated');
}

function parse(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`The audit signing key in ${where} is not a PEM private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The audit signing key in ${where} must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  }
  return key;
}

function describe(privateKey: KeyObject, source: SigningKey['source']): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    source,
  };
}
