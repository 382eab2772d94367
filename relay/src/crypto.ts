import * as crypto from 'crypto';

export type SignatureVerdict = { ok: true; scheme: 'ed25519' | 'rsa' } | { ok: false; reason: string };

/**
 * Verifies a HighLevel webhook over the raw request bytes, failing closed (the official SDK skips verification
 * when a header or key is missing; we reject). `x-ghl-signature`: Ed25519, base64 (64-byte signature);
 * `x-wh-signature`: RSA PKCS#1 v1.5 over SHA-256, base64, only when `acceptRsa` (HighLevel deprecates it in 2026).
 * Source: highlevel-api-docs docs/oauth/WebhookAuthentication.md, marketplace WebhookIntegrationGuide.
 */
export function verifySignature(
  raw: Buffer,
  headers: Record<string, string | string[] | undefined>,
  keys: { ed25519: crypto.KeyObject; rsa?: crypto.KeyObject },
): SignatureVerdict {
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const ghl = header('x-ghl-signature');
  const wh = header('x-wh-signature');
  if (ghl) {
    const sig = Buffer.from(ghl, 'base64');
    if (sig.length === 64 && crypto.verify(null, raw, keys.ed25519, sig)) return { ok: true, scheme: 'ed25519' };
    if (!(keys.rsa && wh)) return { ok: false, reason: 'x-ghl-signature does not verify' };
  }
  if (wh) {
    if (!keys.rsa) return { ok: false, reason: 'x-wh-signature (legacy RSA) is not accepted' };
    try {
      if (crypto.verify('sha256', raw, keys.rsa, Buffer.from(wh, 'base64'))) return { ok: true, scheme: 'rsa' };
    } catch {
      // A malformed signature is a failed verification, not a crash.
    }
    return { ok: false, reason: 'x-wh-signature does not verify' };
  }
  return { ok: false, reason: 'no signature header' };
}

/** AES-256-GCM: iv(12) ‖ tag(16) ‖ ciphertext. Hook URLs are bearer secrets, so they never sit in the database in clear. */
export function encrypt(key: Buffer, plain: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]);
}

/** Inverse of `encrypt`; throws when the key is wrong or the data was altered. */
export function decrypt(key: Buffer, blob: Buffer): string {
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
  decipher.setAuthTag(blob.subarray(12, 28));
  return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
}

/** Keyed lookup hash (hex) of a secret: equal inputs match, and the database alone does not reveal them. */
export function keyedHash(key: Buffer, label: string, value: string): string {
  return crypto.createHmac('sha256', key).update(label).update('\0').update(value).digest('hex');
}

export function sha256Hex(data: Buffer | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
