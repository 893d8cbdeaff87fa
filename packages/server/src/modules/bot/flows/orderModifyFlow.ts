import type { CommerceAddress, CommerceOrder } from '../../commerce';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import type { ReplyLocale } from '../../../replyLocale';
import { answer, button, actionNotDone, humanButton, parseYesNo, reply, say, yesNoButtons } from './flowKit';
import type { ShopperSlots } from './shopperSlots';
import { forgetSlots } from './shopperSlots';

const addressMarkers = /省|市|区|县|镇|路|街|号|弄|村|室|栋|幢|road|street|st\.|avenue|district|city/i;

/** Changes the delivery address or phone of an unshipped order: one question at a time, then a confirmation. */
export const orderModifyFlow: Flow = {
  name: 'order_modify',
  orderFilter: (order) => order.status === 'unpaid' || order.status === 'paid',
  expectsAnswer: (step, text) =>
    (step === 'address' && addressMarkers.test(text)) ||
    (step === 'phone' && /1\d{10}/.test(text)) ||
    (step === 'confirm' && parseYesNo(text) !== null) ||
    (step === 'field' && (/地址|电话|手机|address|phone/i.test(text) || addressMarkers.test(text))),
  async run(context, order) {
    if (!order) throw new Error('order_modify runs with an order');
    const { state, turn } = context;
    const { locale } = turn;
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
    if (state.step === 'confirm') return confirmChange(context, order);
    const field = state.memory.changeField;
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
    state.step = 'confirm';
    const change = describeChange(state.memory, field, locale);
    return answer(
      reply(
        say(
          locale,
          `确认将订单 ${order.orderNumber} 的${change}吗？`,
          `Change order ${order.orderNumber}'s ${change}?`,
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
    Object.assign(address, splitAddress(newAddress));
    if (newRecipient) address.recipient = newRecipient;
  }
  const changed = await context.commerce.changeShippingAddress(order.orderNumber, address);
  state.slots = {};
  forgetSlots(state, ['newAddress', 'newPhone', 'newRecipient', 'changeField']);
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
function describeChange(memory: ShopperSlots, field: 'address' | 'phone', locale: ReplyLocale): string {
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
  return say(
    locale,
    `收货地址改为「${memory.newAddress ?? ''}」${extrasZh.length ? `（${extrasZh.join('，')}）` : ''}`,
    `delivery address to "${memory.newAddress ?? ''}"${extrasEn.length ? ` (${extrasEn.join(', ')})` : ''}`,
  );
}

/** "浙江省杭州市西湖区文三路 100 号" → province, city, district, line; anything unrecognised stays in the line. */
function splitAddress(text: string): Pick<CommerceAddress, 'province' | 'city' | 'district' | 'line'> {
  const match = /^(.*?(?:省|自治区))?(.*?市)?(.*?(?:区|县))?(.*)$/.exec(text.replace(/\s+/g, ' ').trim());
  const province = match?.[1] ?? '';
  const city = match?.[2] ?? '';
  return {
    province: province || city,
    city,
    district: match?.[3] ?? '',
    line: (match?.[4] ?? text).trim() || text,
  };
}
