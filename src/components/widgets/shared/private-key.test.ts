import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { holdsPrivateKey } from './private-key.ts';

// Keys made for this run (never committed).
const key = (...args: string[]) => execFileSync('openssl', ['genpkey', ...args], { encoding: 'utf8' });
const EC = key('-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256');
const ENCRYPTED = key('-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-aes-128-cbc', '-pass', 'pass:run');
const CERT_ONLY = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('holdsPrivateKey', () => {
  it('finds PEM keys, plain and encrypted, also inside YAML', () => {
    expect(holdsPrivateKey(EC)).toBe(true);
    expect(holdsPrivateKey(ENCRYPTED)).toBe(true);
    expect(holdsPrivateKey(`stringData:\n  tls.key: |\n${EC.replace(/^/gm, '    ')}`)).toBe(true);
  });
  it('finds a key in a Secret\'s base64 data', () => {
    expect(holdsPrivateKey(`data:\n  tls.crt: ${b64(CERT_ONLY)}\n  tls.key: ${b64(EC)}\n`)).toBe(true);
  });
  it('is silent on certificates, their base64, and text without a key', () => {
    expect(holdsPrivateKey(CERT_ONLY)).toBe(false);
    expect(holdsPrivateKey(`data:\n  tls.crt: ${b64(CERT_ONLY)}\n  ca.crt: ${b64(CERT_ONLY)}\n`)).toBe(false);
    expect(holdsPrivateKey('kind: DestinationRule\nspec:\n  host: a.example\n')).toBe(false);
    expect(holdsPrivateKey('LS0tLS1CRUdJT!!!')).toBe(false);
  });
});
