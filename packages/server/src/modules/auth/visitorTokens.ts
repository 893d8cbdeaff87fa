import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../clock';
import { KefuError } from '../../errors';
import { visitorChannelKindSchema } from '../../channelKinds';

const visitorTokenLifetimeMs = 30 * 24 * 60 * 60 * 1000;

const visitorClaimsSchema = z.object({
  kind: z.literal('visitor'),
  customerId: z.string(),
  visitorId: z.string(),
  channel: visitorChannelKindSchema,
  expiresAt: z.number(),
});

export type VisitorClaims = z.infer<typeof visitorClaimsSchema>;

/**
 * Stateless visitor tokens: `payload.signature`, HMAC-SHA256 with the instance's secret key. Any server
 * process with the same key accepts them, so the widget keeps working across instances.
 */
export class VisitorTokens {
  private readonly signingKey: Buffer;

  constructor(
    secretKey: string,
    private readonly clock: Clock,
  ) {
    this.signingKey = createHmac('sha256', secretKey).update('kefu visitor tokens v1').digest();
  }

  issue(claims: Omit<VisitorClaims, 'kind' | 'expiresAt'>): string {
    const payload: VisitorClaims = {
      kind: 'visitor',
      ...claims,
      expiresAt: this.clock.now().getTime() + visitorTokenLifetimeMs,
    };
    const encodedPayload = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${encodedPayload}.${this.sign(encodedPayload)}`;
  }

  /** The claims of a valid, unexpired token this server issued; null for anything else. */
  tryVerify(token: string): VisitorClaims | null {
    try {
      return this.verify(token);
    } catch {
      return null;
    }
  }

  verify(token: string): VisitorClaims {
    const [encodedPayload, signature, extra] = token.split('.');
    if (!encodedPayload || !signature || extra !== undefined) throw new KefuError('invalid_token');
    const expected = Buffer.from(this.sign(encodedPayload));
    const received = Buffer.from(signature);
    if (expected.length !== received.length || !timingSafeEqual(expected, received))
      throw new KefuError('invalid_token');
    const claims = visitorClaimsSchema.safeParse(
      safeJsonParse(Buffer.from(encodedPayload, 'base64url').toString('utf8')),
    );
    if (!claims.success) throw new KefuError('invalid_token');
    if (claims.data.expiresAt <= this.clock.now().getTime())
      throw new KefuError('invalid_token', 'The token has expired');
    return claims.data;
  }

  private sign(encodedPayload: string): string {
    return createHmac('sha256', this.signingKey).update(encodedPayload).digest('base64url');
  }
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
