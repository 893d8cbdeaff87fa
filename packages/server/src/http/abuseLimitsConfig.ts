import { z } from 'zod';

const perMinute = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

/** The abuse-limit variables, merged into the one environment schema in config.ts. */
export const abuseLimitsEnvironmentSchema = z.object({
  /** New visitor sessions (each a customer and a conversation) one address may start per minute. */
  KEFU_LIMIT_SESSIONS_PER_IP: perMinute(30),
  /** Sessions one visitor may resume per minute with their token. */
  KEFU_LIMIT_SESSIONS_PER_VISITOR: perMinute(20),
  /** Messages (and photo uploads) one visitor may send per minute. */
  KEFU_LIMIT_MESSAGES_PER_VISITOR: perMinute(20),
  /** Messages one address may send per minute, whoever sends them (offices and mobile networks share addresses). */
  KEFU_LIMIT_MESSAGES_PER_IP: perMinute(300),
  /** Sign-in attempts one address may make per minute, right or wrong. */
  KEFU_LIMIT_LOGINS_PER_IP: perMinute(20),
  /** Requests one integration's API token may make per minute. */
  KEFU_LIMIT_API_TOKEN_REQUESTS: perMinute(600),
  /** Password checks (argon2, 64 MiB each) running at once; the rest wait in line. */
  KEFU_LOGIN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Sign-ins that may wait for a password check; beyond this they are refused at once with 503. */
  KEFU_LOGIN_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
});

export type AbuseLimitsEnvironment = z.infer<typeof abuseLimitsEnvironmentSchema>;

export interface AbuseLimitsConfig {
  sessionsPerIpPerMinute: number;
  sessionsPerVisitorPerMinute: number;
  messagesPerVisitorPerMinute: number;
  messagesPerIpPerMinute: number;
  loginsPerIpPerMinute: number;
  apiTokenRequestsPerMinute: number;
  loginConcurrency: number;
  loginQueue: number;
}

export function toAbuseLimitsConfig(values: AbuseLimitsEnvironment): AbuseLimitsConfig {
  return {
    sessionsPerIpPerMinute: values.KEFU_LIMIT_SESSIONS_PER_IP,
    sessionsPerVisitorPerMinute: values.KEFU_LIMIT_SESSIONS_PER_VISITOR,
    messagesPerVisitorPerMinute: values.KEFU_LIMIT_MESSAGES_PER_VISITOR,
    messagesPerIpPerMinute: values.KEFU_LIMIT_MESSAGES_PER_IP,
    loginsPerIpPerMinute: values.KEFU_LIMIT_LOGINS_PER_IP,
    apiTokenRequestsPerMinute: values.KEFU_LIMIT_API_TOKEN_REQUESTS,
    loginConcurrency: values.KEFU_LOGIN_CONCURRENCY,
    loginQueue: values.KEFU_LOGIN_QUEUE,
  };
}

/**
 * Limits high enough never to bind, for load tools and test suites that play thousands of shoppers from one
 * loopback address; the suites that test the limits set their own.
 */
export const loadTestingLimitsEnvironment = {
  KEFU_LIMIT_SESSIONS_PER_IP: '1000000',
  KEFU_LIMIT_SESSIONS_PER_VISITOR: '1000000',
  KEFU_LIMIT_MESSAGES_PER_VISITOR: '1000000',
  KEFU_LIMIT_MESSAGES_PER_IP: '1000000',
  KEFU_LIMIT_LOGINS_PER_IP: '1000000',
  KEFU_LIMIT_API_TOKEN_REQUESTS: '1000000',
} as const;
