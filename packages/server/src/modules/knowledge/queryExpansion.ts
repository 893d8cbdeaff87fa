// Places a shopper names that the knowledge base states in general terms: a country is "abroad"
// ("Do you ship to Canada?" is answered by "we don't ship abroad").

const abroad =
  /加拿大|美国|英国|澳大利亚|澳洲|新西兰|日本|韩国|新加坡|马来西亚|泰国|越南|菲律宾|印尼|印度|德国|法国|意大利|西班牙|荷兰|俄罗斯|巴西|墨西哥|迪拜|欧洲|北美|东南亚|\b(?:canada|usa|u\.s\.|united states|america|uk|united kingdom|britain|england|australia|new zealand|japan|korea|singapore|malaysia|thailand|vietnam|philippines|indonesia|india|germany|france|italy|spain|netherlands|russia|brazil|mexico|dubai|europe)\b/gi;
/** The query with a named country said the way the knowledge base says it ("ship to Canada" → "ship overseas"). */
export function expandKnowledgeQuery(text: string): string {
  return text.replace(abroad, (place) => (/\p{Script=Han}/u.test(place) ? '国外' : 'overseas'));
}
