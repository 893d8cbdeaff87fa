/** One catalogue of the errors Kefu returns; the HTTP error handler maps them to `{ error: { code, message } }`. */
export const errorCatalog = {
  validation_failed: { status: 400, message: 'The request is not valid' },
  invalid_json: { status: 400, message: 'The request body is not valid JSON' },
  unauthenticated: { status: 401, message: 'Authentication is required' },
  invalid_token: { status: 401, message: 'The token is missing, unknown or expired' },
  invalid_credentials: { status: 401, message: 'Wrong e-mail or password' },
  forbidden: { status: 403, message: 'You are not allowed to do this' },
  not_found: { status: 404, message: 'Not found' },
  conversation_not_found: { status: 404, message: 'Conversation not found' },
  customer_not_found: { status: 404, message: 'Customer not found' },
  product_not_found: { status: 404, message: 'Product not found' },
  agent_not_found: { status: 404, message: 'Agent not found' },
  rule_not_found: { status: 404, message: 'Bot rule not found' },
  conflict: { status: 409, message: 'The resource changed; reload and try again' },
  conversation_closed: { status: 409, message: 'The conversation is closed' },
  conversation_assigned_elsewhere: { status: 409, message: 'Another agent holds this conversation' },
  email_taken: { status: 409, message: 'An agent with this e-mail already exists' },
  payload_too_large: { status: 413, message: 'The request is too large' },
  rate_limited: { status: 429, message: 'Too many requests' },
  internal: { status: 500, message: 'Internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export class KefuError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? errorCatalog[code].message);
    this.name = 'KefuError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.details = details;
  }
}
