// Masking of personal data for people and places that need its shape, not its value: agents without the
// reveal permission, the analysis stored beside a message, logs and exports.

/** 13812341234 → 138****1234 (the prefix and the last four, as shoppers quote them). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** zhang.san@example.com → z***@example.com */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** 张三丰 → 张**, Zhang San → Z*** */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  const first = characters[0];
  if (!first) return '';
  return `${first}${'*'.repeat(Math.max(2, Math.min(characters.length - 1, 3)))}`;
}

/** 北京市朝阳区建国路 88 号 → 北京市朝阳区****: the place to district, never the street or the door. */
export function maskAddress(address: string): string {
  const district = /^(.{0,12}?(?:区|县|旗|市))/.exec(address.trim());
  return `${district?.[1] ?? ''}****`;
}

const textPatterns: { pattern: RegExp; mask: (match: string) => string }[] = [
  // Bank cards and ID cards first: a phone-like run inside them is not a phone.
  { pattern: /(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?!\d)/g, mask: maskIdentityNumber },
  { pattern: /(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g, mask: maskIdentityNumber },
  { pattern: /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)/g, mask: maskPhone },
  { pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, mask: maskEmail },
];

/** Phones, e-mails, ID cards and bank cards typed into a text, masked where they stand. */
export function maskPersonalDataInText(text: string): string {
  return textPatterns.reduce((masked, { pattern, mask }) => masked.replace(pattern, mask), text);
}

/** 110101199003071234 → 1101**********1234 */
function maskIdentityNumber(value: string): string {
  const compact = value.replace(/[ -]/g, '');
  return `${compact.slice(0, 4)}${'*'.repeat(Math.max(0, compact.length - 8))}${compact.slice(-4)}`;
}
