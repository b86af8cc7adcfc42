import { Inject, Injectable, Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { AppConfig, SigningConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { readIdentity, type SigningIdentity } from './signing-identity.js';
import { selfSignedP12 } from './self-signed-certificate.js';

export interface IssuingUnit {
  code: string;
  name: string;
  parentName: string | null;
}

// The passphrase of the self-signed demo files; they protect nothing and are generated on the machine they sign on.
const SELF_SIGNED_PASSPHRASE = 'demo';

// Finds the signing key and certificate of an issuing unit: `<unit code>.p12` in the signing directory, else the
// default file, else (demo) a self-signed certificate generated on first use and kept under `self-signed/` in the
// same directory, never in the repository. Identities are read once per process.
@Injectable()
export class UnitCertificates {
  private readonly logger = new Logger('Signing');
  private readonly config: SigningConfig;
  private readonly loaded = new Map<string, Promise<SigningIdentity | null>>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const dir = isAbsolute(config.signing.dir) ? config.signing.dir : resolve(process.cwd(), config.signing.dir);
    this.config = { ...config.signing, dir };
  }

  forUnit(unit: IssuingUnit): Promise<SigningIdentity | null> {
    let identity = this.loaded.get(unit.code);
    if (!identity) {
      identity = this.load(unit);
      // A failure (a wrong passphrase) is reported for this document and tried again for the next one.
      identity.catch(() => this.loaded.delete(unit.code));
      this.loaded.set(unit.code, identity);
    }
    return identity;
  }

  private async load(unit: IssuingUnit): Promise<SigningIdentity | null> {
    const own = join(this.config.dir, `${fileName(unit.code)}.p12`);
    if (existsSync(own)) return readIdentity(await readFile(own), this.config.passphrase, own);
    const fallback = this.config.defaultP12File;
    if (fallback) return readIdentity(await readFile(fallback), this.config.passphrase, fallback);
    if (!this.config.selfSigned) return null;
    const demo = join(this.config.dir, 'self-signed', `${fileName(unit.code)}.p12`);
    if (!existsSync(demo)) {
      const p12 = selfSignedP12({
        commonName: unit.name,
        organization: unit.parentName,
        passphrase: SELF_SIGNED_PASSPHRASE,
        now: new Date(),
      });
      await mkdir(dirname(demo), { recursive: true, mode: 0o700 });
      const temporary = `${demo}.${process.pid}.tmp`;
      await writeFile(temporary, p12, { mode: 0o600 });
      await rename(temporary, demo);
      this.logger.log(`Self-signed demo certificate for ${unit.code} written to ${demo}`);
    }
    return readIdentity(await readFile(demo), SELF_SIGNED_PASSPHRASE, demo);
  }
}

// Unit codes are plain (TG-THANH-XUAN); anything else is kept out of the path.
function fileName(code: string): string {
  return code.replace(/[^A-Za-z0-9._-]/g, '_');
}
