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
  customer_merge_not_found: { status: 404, message: 'Customer merge not found' },
  customer_merge_same: { status: 400, message: 'A customer cannot be merged with itself' },
  customer_merge_undone: { status: 409, message: 'This merge has already been undone' },
  customer_merged_away: {
    status: 409,
    message: 'This customer has been merged into another one; undo that merge first',
  },
  reply_channel_unavailable: {
    status: 422,
    message: 'The shopper has not written on this channel in this conversation, so a reply cannot go there',
  },
  product_not_found: { status: 404, message: 'Product not found' },
  agent_not_found: { status: 404, message: 'Agent not found' },
  intent_not_found: { status: 404, message: 'Intent not found' },
  intent_example_not_found: { status: 404, message: 'Intent example not found' },
  intent_example_exists: { status: 409, message: 'This example is already in the intent' },
  intent_model_not_found: { status: 404, message: 'Intent model version not found' },
  intent_training_running: { status: 409, message: 'A training is already running; wait for it to finish' },
  intent_model_not_ready: { status: 409, message: 'This model version has not finished training' },
  intent_no_previous_model: { status: 409, message: 'There is no earlier model version to roll back to' },
  rule_not_found: { status: 404, message: 'Bot rule not found' },
  message_not_found: { status: 404, message: 'Message not found' },
  upload_not_found: { status: 404, message: 'Photo not found' },
  channel_not_connected: { status: 404, message: 'This channel is not connected' },
  upload_missing: {
    status: 400,
    message: 'Send one photo as multipart/form-data in the field `file`',
  },
  upload_too_large: { status: 413, message: 'The photo is larger than the upload limit' },
  upload_type_unsupported: { status: 415, message: 'Only JPEG, PNG, WebP and GIF photos can be sent' },
  attachment_invalid: {
    status: 400,
    message: 'An attachment is unknown, belongs to another visitor or was already sent',
  },
  knowledge_entry_not_found: { status: 404, message: 'Knowledge entry not found' },
  knowledge_version_not_found: { status: 404, message: 'Knowledge entry version not found' },
  knowledge_import_not_found: { status: 404, message: 'Import job not found' },
  knowledge_gap_not_found: { status: 404, message: 'Knowledge gap not found' },
  knowledge_self_review: {
    status: 403,
    message: 'A version must be reviewed by someone other than its author',
  },
  knowledge_invalid_transition: { status: 409, message: 'The version is not in a state that allows this' },
  team_not_found: { status: 404, message: 'Team not found' },
  role_not_found: { status: 404, message: 'Role not found' },
  ticket_not_found: { status: 404, message: 'Ticket not found' },
  sla_policy_not_found: { status: 404, message: 'SLA policy not found' },
  alert_not_found: { status: 404, message: 'Alert not found' },
  qa_inspection_not_found: { status: 404, message: 'This conversation has not been inspected' },
  qa_flag_not_found: { status: 404, message: 'Quality flag not found' },
  survey_not_found: { status: 404, message: 'There is no satisfaction survey waiting for an answer' },
  queue_empty: { status: 404, message: 'No waiting conversation matches your skills' },
  team_name_taken: { status: 409, message: 'A team with this name already exists' },
  ticket_invalid_transition: {
    status: 409,
    message: 'The ticket cannot move to that status from its current one',
  },
  agent_unavailable: { status: 409, message: 'That agent is not online' },
  conversation_not_queued: { status: 409, message: 'The conversation is not waiting in the queue' },
  conflict: { status: 409, message: 'The resource changed; reload and try again' },
  conversation_closed: { status: 409, message: 'The conversation is closed' },
  reply_window_closed: {
    status: 409,
    message:
      "The shopper's channel no longer takes replies: it allows them only for a while after their last message",
  },
  conversation_assigned_elsewhere: { status: 409, message: 'Another agent holds this conversation' },
  email_taken: { status: 409, message: 'An agent with this e-mail already exists' },
  role_name_taken: { status: 409, message: 'A role with this name already exists' },
  role_in_use: { status: 409, message: 'Agents still hold this role; give them another role first' },
  last_admin: { status: 409, message: 'The last active admin cannot lose the admin role or be deactivated' },
  payload_too_large: { status: 413, message: 'The request is too large' },
  export_too_large: {
    status: 422,
    message: 'The export would hold more than 100,000 conversations; narrow the dates or filters',
  },
  api_token_not_found: { status: 404, message: 'API token not found' },
  api_token_scope_not_held: {
    status: 403,
    message: 'A token can only be given permissions its creator holds',
  },
  api_token_not_allowed: {
    status: 403,
    message: 'API tokens cannot use this; it is for people signed in to the console',
  },
  two_factor_setup_required: {
    status: 403,
    message: 'Your role requires two-step verification; set it up in your account first',
  },
  two_factor_invalid_code: { status: 401, message: 'The verification code is wrong or expired' },
  two_factor_challenge_invalid: {
    status: 401,
    message: 'The sign-in step expired or was already used; sign in again',
  },
  two_factor_not_enrolled: { status: 409, message: 'Two-step verification has not been started' },
  two_factor_already_enabled: { status: 409, message: 'Two-step verification is already on' },
  rate_limited: { status: 429, message: 'Too many requests' },
  login_locked: { status: 429, message: 'Too many failed sign-ins; try again later' },
  login_busy: { status: 503, message: 'Too many sign-ins at once; try again in a moment' },
  webhook_signature_invalid: { status: 401, message: 'The webhook signature is missing or wrong' },
  platform_signature_invalid: {
    status: 401,
    message: "The platform's signature is missing or wrong, or the request was signed too long ago",
  },
  platform_xml_invalid: {
    status: 400,
    message: 'The request body is not the XML message the platform sends',
  },
  platform_body_invalid: {
    status: 400,
    message: 'The request body is not the message the platform sends',
  },
  webhook_target_refused: { status: 400, message: 'Kefu will not send webhooks to this address' },
  webhook_subscription_not_found: { status: 404, message: 'No such webhook' },
  webhook_delivery_not_found: { status: 404, message: 'No such webhook delivery' },
  channel_account_not_found: { status: 404, message: 'No such channel account' },
  webhook_stale: {
    status: 401,
    message: 'The webhook was signed more than 5 minutes ago (or in the future); sign it again when sending',
  },
  webhook_duplicate: {
    status: 409,
    message: 'This webhook delivery id was already received; it is not applied again',
  },
  webhook_not_configured: { status: 404, message: 'The shop webhook is not configured' },
  shop_identity_invalid: { status: 401, message: 'The shop identity signature is missing or wrong' },
  commerce_import_unavailable: { status: 409, message: 'Imports need the builtin commerce connector' },
  commerce_row_rejected: { status: 422, message: 'The shop update could not be applied' },
  order_not_found: {
    status: 404,
    message: "No order with this number belongs to the conversation's customer",
  },
  order_action_rejected: { status: 409, message: 'The shop refused this action for the order as it is now' },
  order_action_unsupported: { status: 409, message: 'The connected shop system cannot do this' },
  shop_unavailable: {
    status: 503,
    message: 'The shop system cannot be reached right now; nothing was changed',
  },
  coupon_not_found: { status: 404, message: 'No coupon with this code is offered to this customer' },
  offer_rule_not_found: { status: 404, message: 'Offer rule not found' },
  offer_link_not_found: { status: 404, message: 'This link is unknown or no longer valid' },
  canned_reply_not_found: { status: 404, message: 'Canned reply not found' },
  canned_reply_shortcut_taken: {
    status: 409,
    message: 'A canned reply with this shortcut already exists here',
  },
  experiment_not_found: { status: 404, message: 'Experiment not found' },
  experiment_script_not_found: { status: 400, message: 'The script to test does not exist' },
  experiment_variants_invalid: {
    status: 400,
    message:
      'An experiment needs 2 to 4 variants: the control first, without text, then each with a Chinese and an English text',
  },
  experiment_weights_invalid: {
    status: 400,
    message: 'The traffic weights must be whole percentages above 0 that add up to 100',
  },
  experiment_not_editable: {
    status: 409,
    message: 'Only a draft experiment can be edited; a started one keeps its variants',
  },
  experiment_invalid_transition: {
    status: 409,
    message: 'The experiment is not in a state that allows this',
  },
  experiment_script_busy: {
    status: 409,
    message: 'Another experiment is already running on this script; stop it first',
  },
  experiment_winner_invalid: {
    status: 400,
    message: 'The winner must be one of the experiment\u2019s variants',
  },
  experiment_promotion_unavailable: {
    status: 409,
    message: 'Only a stopped experiment with a winning variant other than the control can be promoted',
  },
  database_unavailable: {
    status: 503,
    message: 'The database cannot be reached right now; try again in a moment',
  },
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
