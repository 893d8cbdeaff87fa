import type { CustomerDataExport } from './customerDataExport';

/** The export as a page the shopper can read (zh-CN and English headings); every value is escaped. */
export function renderCustomerDataPage(data: CustomerDataExport): string {
  const profile: [string, string | null][] = [
    ['姓名 / Name', data.customer.displayName],
    ['邮箱 / E-mail', data.customer.email],
    ['手机 / Phone', data.customer.phone],
    ['语言 / Language', data.customer.locale],
    ['会员等级 / Membership', data.customer.vipTier],
    ['首次联系 / First contact', data.customer.createdAt],
  ];
  const conversations = data.conversations
    .map(
      (conversation) =>
        `<section><h3>${escape(conversation.createdAt)} · ${escape(conversation.channel)}</h3><ol>${conversation.messages
          .map(
            (message) =>
              `<li><b>${escape(senderLabel(message.sender))}</b> <small>${escape(message.createdAt)}</small><p>${escape(message.text)}</p>${message.photos
                .map((photo) => `<img src="${escape(photo)}" alt="" width="160">`)
                .join('')}${message.files
                .map(
                  (file) =>
                    `<p>📎 <a href="${escape(file.file)}" download>${escape(file.name)}</a> (${file.sizeBytes} B)</p>`,
                )
                .join('')}</li>`,
          )
          .join('')}</ol></section>`,
    )
    .join('');
  const tickets = data.tickets
    .map(
      (ticket) =>
        `<li><b>${escape(ticket.subject)}</b> (${escape(ticket.status)})<p>${escape(ticket.description)}</p></li>`,
    )
    .join('');
  const calls = data.calls
    .map(
      (call) =>
        `<li>${escape(call.startedAt)} · ${escape(directionLabel(call.direction))} · ${call.durationSeconds} 秒 / s${call.phone ? ` · ${escape(call.phone)}` : ''}${call.transcript ? `<p>${escape(call.transcript)}</p>` : ''}</li>`,
    )
    .join('');
  const devices = data.pushRegistrations
    .map(
      (device) =>
        `<li>${escape(device.platform)} ${escape(device.tokenEnding)} · 注册 / Registered ${escape(device.registeredAt)} · 最近使用 / Last used ${escape(device.lastUsedAt ?? '—')}</li>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>我的数据 / My data</title></head><body>
<h1>我的数据 / My data</h1><p>${escape(data.exportedAt)}</p>
<h2>资料 / Profile</h2><dl>${profile.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value ?? '—')}</dd>`).join('')}</dl>
<h2>会话 / Conversations</h2>${conversations || '<p>—</p>'}
<h2>工单 / Tickets</h2><ul>${tickets || '<li>—</li>'}</ul>
<h2>电话 / Phone calls</h2><ul>${calls || '<li>—</li>'}</ul>
<h2>App 推送 / App notifications</h2><ul>${devices || '<li>—</li>'}</ul>
<p>机器可读的完整数据见 data.json / The complete data, machine-readable, is in data.json.</p>
</body></html>
`;
}

function senderLabel(sender: string): string {
  if (sender === 'customer') return '我 / Me';
  if (sender === 'agent') return '客服 / Agent';
  if (sender === 'bot') return '智能客服 / Assistant';
  return '系统 / System';
}

function directionLabel(direction: string): string {
  return direction === 'outbound' ? '客服致电 / Call from the shop' : '我致电 / My call';
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
