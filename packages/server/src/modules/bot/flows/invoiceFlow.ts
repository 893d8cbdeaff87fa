import type { CommerceInvoice, CommerceOrder } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import { actionNotDone, answer, button, parseYesNo, reply, say, yesNoButtons } from './flowKit';
import type { ShopperSlots } from './shopperSlots';
import { personalInvoiceName, titleBeforeOtherFields } from './invoiceSlots';
import { forgetSlots } from './shopperSlots';

const emailPattern = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;
/** 统一社会信用代码: 18 characters (older tax ids: 15–20). */
const taxIdPattern = /\b[0-9A-HJ-NPQRTUWXY]{15,20}\b/i;

/**
 * Electronic invoices: the status of one already requested, or a new request — title type, title, tax id
 * (companies only) and e-mail, one at a time, then a confirmation. A correction ("邮箱改成 …") at the
 * confirmation replaces that field and asks again.
 */
export const invoiceFlow: Flow = {
  name: 'invoice',
  orderFilter: (order) => order.status !== 'unpaid' && order.status !== 'cancelled',
  expectsAnswer: (step, text) =>
    ['title_type', 'title', 'tax_id', 'email'].includes(step) ||
    (step === 'confirm' && (parseYesNo(text) !== null || emailPattern.test(text) || taxIdPattern.test(text))),
  async run(context, order) {
    if (!order) throw new Error('invoice runs with an order');
    const { state, turn } = context;
    const { locale } = turn;
    if (order.invoice && !state.step) return followUp(context, order, order.invoice);
    collectSlots(context);
    const missing = nextMissing(state.slots);
    if (missing) return askFor(context, missing);
    // Title, tax id and e-mail written out together leave nothing to confirm: the request goes in, and the
    // reply repeats what was submitted so a slip can still be corrected.
    if (state.step !== 'confirm' && givenTogether(context.said)) return submit(context, order);
    if (state.step === 'confirm') {
      const decision = parseYesNo(context.text);
      if (decision === 'yes') return submit(context, order);
      if (decision === 'no') {
        state.step = null;
        state.slots = {};
        return answer(reply(say(locale, '好的，没有提交开票申请。', "OK, I haven't requested an invoice.")));
      }
    }
    state.step = 'confirm';
    const { titleType, taxId, email } = state.slots;
    const summary = say(
      locale,
      `抬头：${describeTitle(state.slots, locale)}${titleType === 'company' ? `，税号：${taxId ?? ''}` : ''}，接收邮箱：${email ?? ''}`,
      `title: ${describeTitle(state.slots, locale)}${titleType === 'company' ? `, tax id: ${taxId ?? ''}` : ''}, e-mail: ${email ?? ''}`,
    );
    return answer(
      reply(
        say(
          locale,
          `请确认开票信息（订单 ${order.orderNumber}）：${summary}。确认提交吗？如需修改，直接发送新的内容即可。`,
          `Please check the invoice details for order ${order.orderNumber}: ${summary}. Submit? To change something, just send the new value.`,
        ),
        yesNoButtons(locale),
      ),
    );
  },
};

/**
 * An invoice already requested: a correction goes to a person (an issued invoice is voided and re-issued), a
 * missing e-mail is sent again, anything else hears where the invoice stands.
 */
async function followUp(
  context: FlowContext,
  order: CommerceOrder,
  invoice: CommerceInvoice,
): Promise<FlowResult> {
  const { state, turn } = context;
  const { locale } = turn;
  const asked = state.memory.invoiceFollowUp;
  const otherEmail = state.memory.email && state.memory.email !== invoice.email ? state.memory.email : null;
  forgetSlots(state, ['invoiceFollowUp', 'invoiceTitleType', 'invoiceTitle', 'taxId', 'email']);
  const issued = invoice.status === 'issued';
  if (asked === 'correct' || (asked === 'resend' && otherEmail))
    return {
      replies: [
        reply(
          issued
            ? say(
                locale,
                `订单 ${order.orderNumber} 的发票已开具（发票号 ${invoice.invoiceNumber ?? '-'}，抬头：${invoice.title}）。${otherEmail ? '改发到新的邮箱' : '更正开票信息'}需要先作废原发票再重新开具，由人工客服为您办理，正在为您转接，请把正确的信息告诉客服。`,
                `The invoice for order ${order.orderNumber} was already issued (number ${invoice.invoiceNumber ?? '-'}, title: ${invoice.title}). ${otherEmail ? 'Sending it to a new address' : 'Correcting it'} means voiding it and issuing a new one, which a person from our team does. Connecting you now; please give them the correct details.`,
              )
            : say(
                locale,
                `订单 ${order.orderNumber} 的发票（抬头：${invoice.title}）正在开具。修改开票信息需要人工客服为您处理，正在为您转接，请把正确的信息告诉客服。`,
                `The invoice for order ${order.orderNumber} (title: ${invoice.title}) is being issued. A person from our team needs to change its details; connecting you now, please give them the correct details.`,
              ),
        ),
      ],
      handoff: { reason: 'invoice_correction' },
    };
  if (asked === 'resend' && issued) {
    const resent = await context.commerce.resendInvoice(order.orderNumber);
    if (!resent.ok)
      return actionNotDone(locale, resent.failure, {
        zh: '抱歉，这张发票暂时无法重新发送，我为您转给人工客服处理。',
        en: "Sorry, this invoice can't be sent again right now. A person can help.",
      });
    return answer(
      reply(
        say(
          locale,
          `已将订单 ${order.orderNumber} 的发票（发票号 ${resent.value.invoiceNumber ?? '-'}）重新发送至 ${resent.value.email}，请查看收件箱，也留意一下垃圾邮件。`,
          `I've sent the invoice for order ${order.orderNumber} (number ${resent.value.invoiceNumber ?? '-'}) to ${resent.value.email} again. Please check your inbox, and your spam folder too.`,
        ),
      ),
    );
  }
  return answer(
    reply(
      issued
        ? say(
            locale,
            `订单 ${order.orderNumber} 的发票已开具（发票号 ${invoice.invoiceNumber ?? '-'}），已发送至 ${invoice.email}。`,
            `The invoice for order ${order.orderNumber} was issued (number ${invoice.invoiceNumber ?? '-'}) and sent to ${invoice.email}.`,
          )
        : say(
            locale,
            `订单 ${order.orderNumber} 的发票（抬头：${invoice.title}）正在开具，开具后会发送至 ${invoice.email}，一般 1–3 个工作日。`,
            `The invoice for order ${order.orderNumber} (title: ${invoice.title}) is being issued and will be sent to ${invoice.email}, usually within 1–3 working days.`,
          ),
    ),
  );
}

/**
 * Takes whatever the messages held: what was said earlier fills the gaps, what this message says replaces
 * (a correction), and a bare answer fills the slot that was asked for.
 */
function collectSlots(context: FlowContext): void {
  const { state, turn, said } = context;
  const text = turn.text.trim();
  const slots = state.slots;
  const fromMemory = toInvoiceSlots(state.memory);
  for (const [key, value] of Object.entries(fromMemory)) slots[key] ??= value;
  Object.assign(slots, toInvoiceSlots(said));
  if (state.step === 'title_type' && !said.invoiceTitleType) {
    if (/公司|企业|单位|company|business/i.test(context.text)) slots.titleType = 'company';
    else if (/个人|personal|individual|myself/i.test(context.text)) {
      slots.titleType = 'personal';
      // "个人 郭建国 发邮箱…": the person named is the title.
      const name = personalInvoiceName(turn.text);
      if (name) slots.title = name;
    }
  }
  if (slots.titleType === 'personal' && !slots.title) slots.title = say(turn.locale, '个人', 'Personal');
  if (state.step === 'title' && !said.invoiceTitle && text.length >= 2) {
    // "Acme Studio, tax ID …, email …": the title ends where the next field begins.
    const title = titleBeforeOtherFields(text.replace(/^(抬头|抬頭|title)[:：\s是为為]*/i, ''));
    if (title.length >= 2) slots.title = title;
  }
  const bareTaxId = state.step === 'tax_id' ? taxIdPattern.exec(text)?.[0] : undefined;
  if (bareTaxId) slots.taxId = bareTaxId.toUpperCase();
  if (slots.titleType !== 'company') delete slots.taxId;
}

/** "郭建国（个人）" for a personal invoice made out to a name; the title as it is otherwise. */
function describeTitle(slots: Record<string, string>, locale: ReplyLocale): string {
  const title = slots.title ?? '';
  const named = slots.titleType === 'personal' && !/^(?:个人|個人|personal)$/i.test(title);
  return named ? say(locale, `${title}（个人）`, `${title} (personal)`) : title;
}

function toInvoiceSlots(values: ShopperSlots): Record<string, string> {
  const slots: Record<string, string> = {};
  if (values.invoiceTitleType) slots.titleType = values.invoiceTitleType;
  if (values.invoiceTitle) slots.title = values.invoiceTitle;
  if (values.taxId) slots.taxId = values.taxId;
  if (values.email) slots.email = values.email;
  return slots;
}

function givenTogether(said: ShopperSlots): boolean {
  const fields = [said.invoiceTitle, said.taxId, said.email].filter(Boolean).length;
  return said.invoiceTitleType === 'personal' ? said.email !== undefined : fields >= 3;
}

function nextMissing(slots: Record<string, string>): string | null {
  if (!slots.titleType) return 'title_type';
  if (!slots.title) return 'title';
  if (slots.titleType === 'company' && !slots.taxId) return 'tax_id';
  if (!slots.email) return 'email';
  return null;
}

function askFor(context: FlowContext, slot: string): FlowResult {
  const { state, turn } = context;
  const { locale } = turn;
  const retry = state.step === slot;
  state.step = slot;
  const prefix = retry ? say(locale, '格式好像不对。', "That doesn't look right. ") : '';
  switch (slot) {
    case 'title_type':
      return answer(
        reply(say(locale, '请问发票抬头是个人还是公司？', 'Is the invoice for a person or a company?'), [
          button(locale, '个人', 'Personal', '个人', 'personal'),
          button(locale, '公司', 'Company', '公司', 'company'),
        ]),
      );
    case 'title':
      return answer(
        reply(
          say(locale, '请发送公司全称（发票抬头）。', 'Please send the full company name for the invoice.'),
        ),
      );
    case 'tax_id':
      return answer(
        reply(
          prefix +
            say(
              locale,
              '请发送公司税号（统一社会信用代码，18 位）。',
              'Please send the company tax id (18 characters).',
            ),
        ),
      );
    default:
      return answer(
        reply(
          prefix +
            say(
              locale,
              '请发送接收电子发票的邮箱。',
              'Please send the e-mail address for the electronic invoice.',
            ),
        ),
      );
  }
}

async function submit(context: FlowContext, order: CommerceOrder): Promise<FlowResult> {
  const { state, turn } = context;
  const { locale } = turn;
  const { titleType, title = '', taxId, email = '' } = state.slots;
  const shownTitle = describeTitle(state.slots, locale);
  const submitted = say(
    locale,
    `（抬头：${shownTitle}${taxId ? `，税号：${taxId}` : ''}）`,
    ` (title: ${shownTitle}${taxId ? `, tax id: ${taxId}` : ''})`,
  );
  state.step = null;
  state.slots = {};
  forgetSlots(state, ['invoiceTitleType', 'invoiceTitle', 'taxId', 'email', 'invoiceFollowUp']);
  const requested = await context.commerce.requestInvoice(order.orderNumber, {
    titleType: titleType === 'company' ? 'company' : 'personal',
    title,
    taxId: taxId ?? null,
    email,
  });
  if (!requested.ok)
    return actionNotDone(locale, requested.failure, {
      zh: '抱歉，该订单暂时无法开票（可能已申请过），我为您转给人工客服核实。',
      en: "Sorry, this order can't be invoiced right now (perhaps it already was). A person can check.",
    });
  return answer(
    reply(
      say(
        locale,
        `已为您提交订单 ${order.orderNumber} 的开票申请${submitted}，电子发票开具后会发送至 ${email}，一般 1–3 个工作日。`,
        `Invoice requested for order ${order.orderNumber}${submitted}. The electronic invoice will be e-mailed to ${email}, usually within 1–3 working days.`,
      ),
    ),
  );
}
