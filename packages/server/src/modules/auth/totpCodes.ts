import { Secret, TOTP } from 'otpauth';

/** RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
export const totpParameters = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** A fresh 160-bit secret (RFC 4226's recommended length), in the base32 form apps and people type. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, account: string, issuer: string): string {
  return new TOTP({
    ...totpParameters,
    issuer,
    label: account,
    secret: Secret.fromBase32(secretBase32),
  }).toString();
}

/** The code for `timestampMs`; the algorithm and digits are parameters so RFC 6238's vectors can check it. */
export function totpCodeAt(
  secret: Secret,
  timestampMs: number,
  options: { algorithm: TotpAlgorithm; digits: number } = totpParameters,
): string {
  return TOTP.generate({ secret, timestamp: timestampMs, period: totpParameters.period, ...options });
}

/**
 * The 30-second step a code belongs to when it is right for `timestampMs` or one step either side (clocks
 * drift); null when it is wrong.
 */
export function matchTotpStep(secretBase32: string, code: string, timestampMs: number): number | null {
  const delta = TOTP.validate({
    ...totpParameters,
    token: code,
    secret: Secret.fromBase32(secretBase32),
    timestamp: timestampMs,
    window: 1,
  });
  if (delta === null) return null;
  return TOTP.counter({ period: totpParameters.period, timestamp: timestampMs }) + delta;
}
