// Hostile request bodies for the fuzz suite, built with fast-check: malformed and oversized JSON, XML with
// entities (the coming channel webhooks speak XML), unicode tricks, SQL and script payloads, prototype keys.
import fc from 'fast-check';

export interface HostileBody {
  kind: string;
  contentType: string | null;
  payload: string | Buffer;
}

const sqlPayloads = [
  "' OR '1'='1",
  "'; DROP TABLE customers; --",
  '1; select pg_sleep(5) --',
  '" UNION SELECT phone, email FROM customers --',
  "%' AND 1=1 AND '%'='",
];
const scriptPayloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '{{constructor.constructor("return process")()}}',
  '${7*7}<%= 7*7 %>',
];
const unicodeTricks = [
  '\u202Egnp.exe',
  'a\u200Bd\u200Dm\uFEFFin',
  '\u0000\u0001\u001F',
  '\uD800',
  '\uDFFF\uD800',
  'Ａｄｍｉｎ＠ｋｅｆｕ．ｌｏｃａｌ',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  '𝕜𝕖𝕗𝕦🙂👩‍👩‍👧‍👦',
  '1３8０0１3８0００',
];
const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const fieldNames = [
  'text',
  'visitorId',
  'token',
  'name',
  'email',
  'password',
  'locale',
  'attachments',
  'clientMessageId',
  'pageUrl',
  'rating',
  'type',
  'data',
  'messages',
  'id',
  'orderNumber',
  'status',
  'identity',
  'signature',
  ...prototypeKeys,
];

const hostileString = fc.oneof(
  fc.constantFrom(...sqlPayloads, ...scriptPayloads, ...unicodeTricks),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((length) => 'A'.repeat(length)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, -0),
    fc.double(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...fieldNames), tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** JSON that parses: objects with the fields endpoints read, with hostile values, and prototype keys. */
const jsonBody = fc
  .dictionary(fc.constantFrom(...fieldNames), hostileValue, { maxKeys: 8 })
  .map((object): HostileBody => ({
    kind: 'json',
    contentType: 'application/json',
    payload: JSON.stringify(object),
  }));

const prototypeBody = fc
  .tuple(fc.constantFrom(...prototypeKeys), fc.constantFrom(...fieldNames), hostileValue)
  .map(([key, field, value]): HostileBody => ({
    kind: 'prototype',
    contentType: 'application/json',
    payload: `{"${key}":{"polluted":${JSON.stringify(value) ?? 'null'}},"${field}":{"__proto__":{"isAdmin":true}}}`,
  }));

const malformedJson = fc
  .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', '}', ']]]', ',', '\u0000', 'NaN', "'"))
  .map(([text, cut, tail]): HostileBody => ({
    kind: 'malformed-json',
    contentType: 'application/json',
    payload: text.slice(0, cut % (text.length + 1)) + tail,
  }));

const deepJson = fc.integer({ min: 500, max: 20_000 }).map((depth): HostileBody => ({
  kind: 'deep-json',
  contentType: 'application/json',
  payload: `${'['.repeat(depth)}${']'.repeat(depth)}`,
}));

const oversized = fc.integer({ min: 1_100_000, max: 3_000_000 }).map((length): HostileBody => ({
  kind: 'oversized',
  contentType: 'application/json',
  payload: `{"text":"${'字'.repeat(Math.ceil(length / 3))}"}`,
}));

const xmlBodies = fc
  .tuple(fc.constantFrom('application/xml', 'text/xml', 'application/json', null), hostileString)
  .chain(([contentType, text]) =>
    fc
      .constantFrom(
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><xml><Content>&c;</Content></xml>`,
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>`,
        `<xml><ToUserName><![CDATA[${text}]]></ToUserName><MsgType>text</MsgType><Content>${text}</Content></xml>`,
        `<xml><unclosed>${text}`,
      )
      .map((payload): HostileBody => ({ kind: 'xml', contentType, payload })),
  );

const otherTypes = fc
  .tuple(
    fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'multipart/form-data',
      'application/json; charset=utf-16',
      'application/octet-stream',
      'image/png',
      null,
    ),
    fc.oneof(
      hostileString,
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
    ),
  )
  .map(([contentType, payload]): HostileBody => ({ kind: 'other-type', contentType, payload }));

/** One hostile body of any kind; weights favour JSON that parses, which reaches the handlers. */
export const hostileBody: fc.Arbitrary<HostileBody> = fc.oneof(
  { arbitrary: jsonBody, weight: 6 },
  { arbitrary: prototypeBody, weight: 2 },
  { arbitrary: malformedJson, weight: 2 },
  { arbitrary: xmlBodies, weight: 2 },
  { arbitrary: otherTypes, weight: 2 },
  { arbitrary: deepJson, weight: 1 },
  { arbitrary: oversized, weight: 1 },
);

/** A value for a path parameter: ids that do not exist, traversal, hostile strings. */
export const hostileParam: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'upl_0000',
    '../../etc/passwd',
    '..%2f..%2f',
    '%00',
    'wechat',
    'webhook',
    'web',
    '__proto__',
  ),
  hostileString.map((text) => text.slice(0, 300)),
);
