import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { KefuError } from '../../../errors';

/**
 * WeChat's XML (`<xml><Name><![CDATA[value]]></Name>…</xml>`) as its top-level fields, every value a string
 * (MsgId is a 64-bit number: read as a number it would lose digits). Entities are not expanded, so a
 * DOCTYPE cannot grow the document; anything that is not well-formed XML with an `<xml>` root is a 400.
 */
export function readWeChatXml(text: string): Record<string, string> {
  if (text.length === 0 || XMLValidator.validate(text) !== true) throw new KefuError('platform_xml_invalid');
  const document: unknown = parser.parse(text);
  const root = document && typeof document === 'object' && 'xml' in document ? document.xml : undefined;
  if (!root || typeof root !== 'object') throw new KefuError('platform_xml_invalid');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(root))
    if (typeof value === 'string') fields[name] = value;
    else if (value && typeof value === 'object' && Object.keys(value).length === 0) fields[name] = '';
  return fields;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});
