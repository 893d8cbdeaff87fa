import type { CommerceAddress, CommerceOrder } from '../../commerce';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import type { ReplyLocale } from '../../../replyLocale';
import { answer, button, actionNotDone, humanButton, parseYesNo, reply, say, yesNoButtons } from './flowKit';
import type { Region } from './chinaRegions';
import { englishRegionName, findRegionIn } from './chinaRegions';
import { readAddressParts } from './addressParts';
import { readEnglishAddress } from './englishAddress';
import type { ShopperSlots } from './shopperSlots';
import { forgetSlots } from './shopperSlots';

const addressMarkers = /省|市|区|县|镇|路|街|号|弄|村|室|栋|幢|road|street|st\.|avenue|district|city/i;

/**
 * A size or colour change: once the parcel has left it is an exchange after delivery (the return path takes
 * it, the size kept); before that the shop cannot swap the goods of a placed order, so cancel and re-order.
 */
function changeVariant(context: FlowContext, order: CommerceOrder): FlowResult {
  const { state, turn } = context;
  const { locale } = turn;
  forgetSlots(state, ['changeField']);
  if (order.status === 'delivered' || order.status === 'shipped') {
    state.memory.returnKind = 'exchange';
    return { ...answer(), switchTo: 'return_exchange' };
  }
  if (order.status !== 'unpaid' && order.status !== 'paid')
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 当前的状态不能更换商品规格。`,
          `The goods of order ${order.orderNumber} can't be changed in its current state.`,
        ),
        [humanButton(locale)],
      ),
    );
  return answer(
    reply(
      say(
        locale,
        `订单 ${order.orderNumber} 还没发货，但下单后商品的尺码、颜色等规格没法直接修改。可以取消这个订单，再重新下单想要的规格${order.paidAt ? '（已付款项会原路退回）' : ''}；也可以转人工客服帮您看看。`,
        `Order ${order.orderNumber} hasn't shipped, but the size or colour of a placed order can't be changed. You can cancel it and order the one you want${order.paidAt ? ' (the payment goes back the way you paid)' : ''}, or a person can take a look.`,
      ),
      [button(locale, '取消订单', 'Cancel order', '取消订单', 'cancel my order'), humanButton(locale)],
    ),
  );
}

/** Changes the delivery address or phone of an unshipped order: one question at a time, then a confirmation. */
export const orderModifyFlow: Flow = {
  name: 'order_modify',
  orderFilter: (order) => order.status === 'unpaid' || order.status === 'paid',
  expectsAnswer: (step, text) =>
    (step === 'address' && (addressMarkers.test(text) || readEnglishAddress(text) !== null)) ||
    (step === 'address_region' && findRegionIn(text) !== null) ||
    (step === 'phone' && /1\d{10}/.test(text)) ||
    (step === 'confirm' && parseYesNo(text) !== null) ||
    (step === 'field' && (/地址|电话|手机|address|phone/i.test(text) || addressMarkers.test(text))),
  async run(context, order) {
    if (!order) throw new Error('order_modify runs with an order');
    const { state, turn } = context;
    const { locale } = turn;
    if (state.memory.changeField === 'variant') return changeVariant(context, order);
    if (order.status === 'cancelled')
      return answer(
        reply(
          say(
            locale,
            `订单 ${order.orderNumber} 已取消，无需修改收货信息。`,
            `Order ${order.orderNumber} was cancelled, so there is nothing to change.`,
          ),
        ),
      );
    if (order.status !== 'unpaid' && order.status !== 'paid')
      return answer(
        reply(
          say(
            locale,
            `订单 ${order.orderNumber} 已发货，收货信息无法再修改。可以联系人工客服协调快递。`,
            `Order ${order.orderNumber} has shipped, so its delivery details can't be changed. A person can try with the carrier.`,
          ),
          [humanButton(locale)],
        ),
      );
    // A new address (at the confirmation too: a correction) replaces the province given for the last one.
    if (context.said.newAddress) forgetRegion(state.slots);
    if (state.step === 'confirm' && !context.said.newAddress && !context.said.newPhone)
      return confirmChange(context, order);
    if (state.step === 'address_region') takeRegion(context);
    const field = state.memory.changeField;
    // "remove the charger from my order": items are not changed here; the cancel flow says what can be done.
    if (!field && state.memory.onlySomeItems) return { replies: [], handoff: null, switchTo: 'order_cancel' };
    if (!field) {
      state.step = 'field';
      return answer(
        reply(
          say(
            locale,
            '请问要修改收货地址还是联系电话？也可以直接发送新的地址或电话。',
            'Do you want to change the delivery address or the phone number? You can also just send the new one.',
          ),
          [
            button(locale, '收货地址', 'Address', '改收货地址', 'change the address'),
            button(locale, '联系电话', 'Phone', '改联系电话', 'change the phone number'),
          ],
        ),
      );
    }
    if (field === 'phone' && !state.memory.newPhone)
      return ask(context, 'phone', '请发送新的手机号码。', 'Please send the new phone number.');
    if (field === 'address' && !state.memory.newAddress)
      return ask(
        context,
        'address',
        '请发送新的完整收货地址（省市区 + 详细地址），收货人和电话有变化也可以一起发。',
        'Please send the full new address (province, city, district and street), with the recipient and phone if they change too.',
      );
    const region = regionOf(state.slots);
    if (field === 'address' && !readAddressParts(state.memory.newAddress ?? '', region).province)
      return askRegion(context);
    state.step = 'confirm';
    const change = describeChange(state.memory, field, locale, region);
    return answer(
      reply(
        say(
          locale,
          `确认将订单 ${order.orderNumber} 的${change}吗？${describeKept(state.memory, locale)}`.trim(),
          `Change order ${order.orderNumber}'s ${change}? ${describeKept(state.memory, locale)}`.trim(),
        ),
        yesNoButtons(locale),
      ),
    );
  },
};

function ask(context: FlowContext, step: string, zh: string, en: string): FlowResult {
  context.state.step = step;
  return answer(reply(say(context.turn.locale, zh, en)));
}

async function confirmChange(context: FlowContext, order: CommerceOrder): Promise<FlowResult> {
  const { state, turn } = context;
  const { locale } = turn;
  const decision = parseYesNo(context.text);
  if (decision === null)
    return answer(
      reply(
        say(
          locale,
          '请回复“确认”修改，或“算了”保持原信息。',
          'Please answer "yes" to make the change or "no" to keep it.',
        ),
        yesNoButtons(locale),
      ),
    );
  state.step = null;
  if (decision === 'no')
    return answer(reply(say(locale, '好的，收货信息保持不变。', 'OK, nothing was changed.')));
  const { newAddress, newPhone, newRecipient } = state.memory;
  const address: CommerceAddress = { ...order.shippingAddress };
  if (newPhone) address.phone = newPhone;
  if (state.memory.changeField === 'address' && newAddress) {
    const { postalCode, ...parts } = readAddressParts(newAddress, regionOf(state.slots));
    Object.assign(address, parts);
    // The old postcode belongs to the old address.
    address.postalCode = postalCode;
    if (newRecipient) address.recipient = newRecipient;
  }
  const changed = await context.commerce.changeShippingAddress(order.orderNumber, address);
  state.slots = {};
  forgetSlots(state, ['newAddress', 'newPhone', 'newRecipient', 'changeField', 'keepsContact']);
  if (!changed.ok)
    return actionNotDone(locale, changed.failure, {
      zh: '抱歉，订单刚刚已进入发货流程，无法再修改收货信息。',
      en: 'Sorry, the order has just entered shipping and can no longer be changed.',
    });
  return answer(
    reply(
      say(
        locale,
        `已为您更新订单 ${order.orderNumber} 的收货信息。`,
        `Order ${order.orderNumber}'s delivery details are updated.`,
      ),
    ),
  );
}

/** "收货地址改为「上海市…」，收货人周婷，电话 150…" — everything that will change. */
function describeChange(
  memory: ShopperSlots,
  field: 'address' | 'phone',
  locale: ReplyLocale,
  region: Region | null,
): string {
  if (field === 'phone')
    return say(locale, `联系电话改为 ${memory.newPhone ?? ''}`, `phone number to ${memory.newPhone ?? ''}`);
  const extrasZh = [
    memory.newRecipient ? `收货人 ${memory.newRecipient}` : '',
    memory.newPhone ? `电话 ${memory.newPhone}` : '',
  ].filter(Boolean);
  const extrasEn = [
    memory.newRecipient ? `recipient ${memory.newRecipient}` : '',
    memory.newPhone ? `phone ${memory.newPhone}` : '',
  ].filter(Boolean);
  const written = memory.newAddress ?? '';
  const regionZh = region ? `${region.province}${region.city === region.province ? '' : region.city} ` : '';
  const addressEn = region ? `${written}, ${regionNamesInEnglish(region)}` : written;
  return say(
    locale,
    `收货地址改为「${regionZh}${written}」${extrasZh.length ? `（${extrasZh.join('，')}）` : ''}`,
    `delivery address to "${addressEn}"${extrasEn.length ? ` (${extrasEn.join(', ')})` : ''}`,
  );
}

/** "same name n phone" / "电话不变": what stays as it is, said back after the question. */
function describeKept(memory: ShopperSlots, locale: ReplyLocale): string {
  if (memory.changeField !== 'address') return '';
  const kept = memory.keepsContact ?? [];
  const recipient = kept.includes('recipient') && !memory.newRecipient;
  const phone = kept.includes('phone') && !memory.newPhone;
  if (recipient && phone)
    return say(locale, '收货人和电话保持不变。', 'The recipient and phone stay the same.');
  if (recipient) return say(locale, '收货人保持不变。', 'The recipient stays the same.');
  if (phone) return say(locale, '电话保持不变。', 'The phone number stays the same.');
  return '';
}

/** "请问这个地址在哪个省？": the rest of the address is kept, only the province (and city) is asked. */
function askRegion(context: FlowContext): FlowResult {
  const retry = context.state.step === 'address_region';
  const { newAddress = '' } = context.state.memory;
  return ask(
    context,
    'address_region',
    `${retry ? '没有识别出省份。' : ''}请问「${newAddress}」在哪个省、哪个城市？例如：江苏省苏州市。`,
    `${retry ? "I couldn't tell the province from that. " : ''}Which province and city is "${newAddress}" in? For example: Suzhou, Jiangsu.`,
  );
}

/** The answer to "which province?": kept in the flow's slots beside the address it completes. */
function takeRegion(context: FlowContext): void {
  const region = findRegionIn(context.text);
  if (!region) return;
  context.state.slots.regionProvince = region.province;
  context.state.slots.regionCity = region.city;
}

function regionOf(slots: Record<string, string>): Region | null {
  const province = slots.regionProvince;
  return province ? { province, city: slots.regionCity ?? '' } : null;
}

function forgetRegion(slots: Record<string, string>): void {
  delete slots.regionProvince;
  delete slots.regionCity;
}

function regionNamesInEnglish(region: Region): string {
  const names = [region.city, region.province].filter(
    (name, index, all) => name && all.indexOf(name) === index,
  );
  return names.map(englishRegionName).join(', ');
}
