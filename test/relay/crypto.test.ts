import * as crypto from 'crypto';
import { decrypt, encrypt, verifySignature } from '../../relay/src/crypto';
import { HIGHLEVEL_ED25519_PUBLIC_KEY, HIGHLEVEL_RSA_PUBLIC_KEY, loadConfig } from '../../relay/src/config';
import { deliveryJobId, filtersMatch, routingScope } from '../../relay/src/ingest';
import { targetAllowed } from '../../relay/src/app';
import { retryAfterSeconds } from '../../relay/src/deliver';

describe('relay building blocks', () => {
  const ed = crypto.generateKeyPairSync('ed25519');
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const raw = Buffer.from('{"type":"ContactCreate","locationId":"L1"}');
  const edSig = crypto.sign(null, raw, ed.privateKey).toString('base64');
  const rsaSig = crypto.sign('sha256', raw, rsa.privateKey).toString('base64');

  test('Ed25519 verifies the raw bytes and fails closed', () => {
    const keys = { ed25519: ed.publicKey };
    expect(verifySignature(raw, { 'x-ghl-signature': edSig }, keys)).toEqual({ ok: true, scheme: 'ed25519' });
    expect(verifySignature(Buffer.from(raw.toString() + ' '), { 'x-ghl-signature': edSig }, keys).ok).toBe(false);
    expect(verifySignature(raw, {}, keys)).toEqual({ ok: false, reason: 'no signature header' });
    expect(verifySignature(raw, { 'x-wh-signature': rsaSig }, keys).ok).toBe(false); // RSA not enabled
  });

  test('legacy RSA x-wh-signature only when enabled', () => {
    const keys = { ed25519: ed.publicKey, rsa: rsa.publicKey };
    expect(verifySignature(raw, { 'x-wh-signature': rsaSig }, keys)).toEqual({ ok: true, scheme: 'rsa' });
    expect(verifySignature(raw, { 'x-wh-signature': 'AAAA' }, keys).ok).toBe(false);
    expect(verifySignature(raw, { 'x-ghl-signature': 'AAAA', 'x-wh-signature': rsaSig }, keys).ok).toBe(true);
  });

  test('HighLevel published keys parse, and env overrides them', () => {
    expect(crypto.createPublicKey(HIGHLEVEL_ED25519_PUBLIC_KEY).asymmetricKeyType).toBe('ed25519');
    expect(crypto.createPublicKey(HIGHLEVEL_RSA_PUBLIC_KEY).asymmetricKeyType).toBe('rsa');
    const pem = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(loadConfig({ GHL_WEBHOOK_PUBLIC_KEY: pem }).ed25519PublicKey).toBe(pem);
    expect(loadConfig({}).ed25519PublicKey).toBe(HIGHLEVEL_ED25519_PUBLIC_KEY);
    expect(() => loadConfig({ RELAY_ENCRYPTION_KEY: 'short' })).toThrow(/RELAY_ENCRYPTION_KEY must be 32 bytes/);
    expect(loadConfig({ GHL_APP_ID: '65f0abc-lxyz12' }).appId).toBe('65f0abc');
  });

  test('hook URLs round-trip through AES-256-GCM and tampering is detected', () => {
    const key = crypto.randomBytes(32);
    const blob = encrypt(key, 'https://hooks.zapier.com/hooks/standard/1/abc/');
    expect(blob.includes(Buffer.from('hooks.zapier.com'))).toBe(false);
    expect(decrypt(key, blob)).toBe('https://hooks.zapier.com/hooks/standard/1/abc/');
    blob[blob.length - 1] ^= 1;
    expect(() => decrypt(key, blob)).toThrow();
  });

  test('delivery job ids are deterministic name-based UUIDs (RFC 9562 version 8, SHA-256)', () => {
    // SHA-256("wh:1|s") = ca6c9996 2dda 0478 97fe 3cd99bf28139…: byte 6 gets version 8, byte 8 the variant bits 10.
    expect(deliveryJobId('wh:1', 's')).toBe('ca6c9996-2dda-8478-97fe-3cd99bf28139');
    expect(deliveryJobId('wh:1', 's')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deliveryJobId('wh:1', 's')).not.toBe(deliveryJobId('wh:2', 's'));
    expect(deliveryJobId('wh:1', 's')).not.toBe(deliveryJobId('wh:1', 't'));
  });

  test('routing, filters, targets and Retry-After', () => {
    expect(routingScope({ altType: 'location', altId: 'L9', locationId: 'x' })).toBe('L9');
    expect(routingScope({ locationId: 'L1', companyId: 'C1' })).toBe('L1');
    expect(routingScope({ companyId: 'C1' })).toBe('C1');
    expect(routingScope({})).toBeNull();
    expect(filtersMatch({ pipelineId: 'p1' }, { pipelineId: 'p1' })).toBe(true);
    expect(filtersMatch({ pipelineId: ['p2', 'p3'] }, { pipelineId: 'p1' })).toBe(false);
    expect(filtersMatch({ tags: 'vip' }, { tags: ['a', 'vip'] })).toBe(true);
    expect(targetAllowed('https://hooks.zapier.com/hooks/catch/1/2/', [])).toBe(true);
    expect(targetAllowed('https://hooks.zapier.com:8443/hooks/catch/1/2/', [])).toBe(false);
    expect(targetAllowed('https://user@hooks.zapier.com/hooks/x', [])).toBe(false);
    expect(targetAllowed('http://127.0.0.1:9/x', [])).toBe(false);
    expect(targetAllowed('http://127.0.0.1:9/x', ['http://127.0.0.1:'])).toBe(true);
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThanOrEqual(4);
  });
});
