// A real IMAP4rev1 server on 127.0.0.1 standing in for a shop's mail provider (hoodiecrow-imap, by imapflow's
// author): one user, an INBOX the suite drops mail into, and a way to renumber the folder (a new UIDVALIDITY,
// flags lost) as a provider does after rebuilding a mailbox.
import type { Socket } from 'node:net';
import hoodiecrow from 'hoodiecrow-imap';

export interface ImapServer {
  port: number;
  user: string;
  password: string;
  /** Puts a mail into the INBOX; its UID. 7-bit only: the server counts a literal's length in characters. */
  deliver(raw: string): number;
  /** The flags of the INBOX mail with this UID. */
  flagsOf(uid: number): string[];
  /** The most sessions open at once so far (a session ends when the client says LOGOUT or hangs up). */
  maxOpenSessions(): number;
  /** A new UIDVALIDITY: every mail gets a new UID and loses its flags. */
  renumber(): void;
  close(): Promise<void>;
}

export async function startImapServer(options: { user: string; password: string }): Promise<ImapServer> {
  const server = hoodiecrow({
    plugins: ['ID', 'ENABLE', 'UNSELECT', 'UIDPLUS', 'NAMESPACE'],
    users: { [options.user]: { password: options.password } },
    storage: { INBOX: { messages: [] }, Archive: { messages: [] } },
  });
  const sockets = new Set<Socket>();
  const open = new Set<Socket>();
  let maxOpen = 0;
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    open.add(socket);
    maxOpen = Math.max(maxOpen, open.size);
    socket.on('data', (chunk: Buffer) => {
      if (/ LOGOUT\r\n/i.test(chunk.toString('latin1'))) open.delete(socket);
    });
    socket.on('close', () => {
      sockets.delete(socket);
      open.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const inbox = () => server.getMailbox('INBOX');
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    ...options,
    deliver: (raw) =>
      server.appendMessage('INBOX', [], new Date(), raw.replace(/\r?\n/g, '\r\n')).message.uid,
    maxOpenSessions: () => maxOpen,
    flagsOf: (uid) => inbox().messages.find((message) => message.uid === uid)?.flags ?? [],
    renumber: () => {
      const mailbox = inbox();
      mailbox.uidvalidity += 1;
      mailbox.uidnext = 1;
      for (const message of mailbox.messages) {
        message.uid = mailbox.uidnext;
        mailbox.uidnext += 1;
        message.flags = [];
      }
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.server.close(() => resolve()));
    },
  };
}
