// A real SMTP server on 127.0.0.1 standing in for the mail relay: speaks enough of RFC 5321 (EHLO, MAIL, RCPT,
// DATA, RSET, NOOP, QUIT) for a client to deliver, and records each message it accepts.
import { createServer } from 'node:net';
import type { Socket } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveSession(socket, messages);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveSession(socket: Socket, messages: ReceivedMail[]): void {
  let envelope: ReceivedMail = { from: '', to: [], data: '' };
  let inData = false;
  let buffered = '';
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 sink.kefu.test ESMTP');
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    while (true) {
      if (inData) {
        const end = buffered.indexOf('\r\n.\r\n');
        if (end < 0) return;
        envelope.data = buffered.slice(0, end).replace(/^\.\./gm, '.');
        buffered = buffered.slice(end + 5);
        messages.push(envelope);
        envelope = { from: '', to: [], data: '' };
        inData = false;
        reply('250 2.0.0 queued');
        continue;
      }
      const newline = buffered.indexOf('\r\n');
      if (newline < 0) return;
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') reply('250-sink.kefu.test\r\n250-8BITMIME\r\n250 SMTPUTF8');
      else if (verb === 'HELO' || verb === 'NOOP') reply('250 OK');
      else if (verb === 'MAIL') {
        envelope.from = angleAddress(line);
        reply('250 2.1.0 OK');
      } else if (verb === 'RCPT') {
        envelope.to.push(angleAddress(line));
        reply('250 2.1.5 OK');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 End data with <CR><LF>.<CR><LF>');
      } else if (verb === 'RSET') {
        envelope = { from: '', to: [], data: '' };
        reply('250 OK');
      } else if (verb === 'QUIT') {
        reply('221 Bye');
        socket.end();
      } else reply('502 5.5.2 Command not implemented');
    }
  });
}

function angleAddress(line: string): string {
  return /<([^>]*)>/.exec(line)?.[1] ?? '';
}
