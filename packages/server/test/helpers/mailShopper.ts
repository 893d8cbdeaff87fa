// A shopper who writes to a shop's e-mail account through Kefu's real SMTP listener (the shop's replies go to a
// loopback relay), and the small real files such mail carries.
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { createTransport } from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import type { ChannelAccountView } from '../../src/modules/channels/accounts/channelAccountSchemas';
import { startSmtpSink } from './smtpSink';
import type { TestServer } from './testServer';
import { createChannelAccount } from './wechatPlatform';

export interface MailShopper {
  account: ChannelAccountView;
  /** Sends a mail from `from` to the shop's address, through the account's SMTP listener. */
  send(mail: SendMailOptions): Promise<void>;
  close(): Promise<void>;
}

export async function startMailShopper(
  server: TestServer,
  adminToken: string,
  addresses: { shop: string; shopper: string },
): Promise<MailShopper> {
  const relay = await startSmtpSink();
  const account = await createChannelAccount(server.baseUrl, adminToken, {
    kind: 'email',
    name: '客服邮箱',
    settings: {
      address: addresses.shop,
      fromName: 'Demo Shop',
      listenHost: '127.0.0.1',
      listenPort: 0,
      smtpUrl: relay.url,
    },
    credentials: { smtpPassword: 'relay-password' },
  });
  const listening = server.kefu.services.channels.emailListeners.addressOf(account.id);
  assert.ok(listening, 'the account has a running SMTP listener');
  const transport = createTransport({
    host: '127.0.0.1',
    port: listening.port,
    secure: false,
    ignoreTLS: true,
  });
  return {
    account,
    send: async (mail) => {
      await transport.sendMail({ from: addresses.shopper, to: addresses.shop, ...mail });
    },
    close: async () => {
      transport.close();
      await relay.close();
    },
  };
}

/** A one-page PDF as a PDF writer makes it (catalog, page tree, page, cross-reference table, trailer). */
export function minimalPdf(padding = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  if (padding > 0) body += `% ${'x'.repeat(padding)}\n`;
  const xref = body.length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A small real Excel workbook (.xlsx), one sheet of order lines. */
export async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('订单');
  sheet.addRow(['订单号', '金额']);
  sheet.addRow(['E20240001', 199]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip archive holding one file, stored without compression (PKZIP local header, central directory, end). */
export function storedZip(name: string, content: Buffer): Buffer {
  const fileName = Buffer.from(name, 'utf8');
  const crc = crc32(content);
  const fields = (signature: number, size: number) => {
    const header = Buffer.alloc(size);
    header.writeUInt32LE(signature, 0);
    return header;
  };
  const local = fields(0x04034b50, 30);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = fields(0x02014b50, 46);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + content.length;
  const end = fields(0x06054b50, 22);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, content, central, fileName, end]);
}
