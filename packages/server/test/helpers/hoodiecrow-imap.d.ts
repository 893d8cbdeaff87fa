// The part of hoodiecrow-imap (a scriptable IMAP4rev1 server for tests, without types of its own) the suites use.
declare module 'hoodiecrow-imap' {
  import type { Server } from 'node:net';

  interface HoodiecrowMessage {
    uid: number;
    flags: string[];
    raw: string;
  }

  interface HoodiecrowMailbox {
    uidvalidity: number;
    uidnext: number;
    messages: HoodiecrowMessage[];
  }

  interface HoodiecrowServer {
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    getMailbox(path: string): HoodiecrowMailbox;
    appendMessage(
      mailbox: string,
      flags: string[],
      internaldate: Date,
      raw: string,
    ): { message: HoodiecrowMessage };
  }

  interface HoodiecrowOptions {
    plugins?: string[];
    users?: Record<string, { password: string }>;
    storage?: Record<string, { messages?: HoodiecrowMessage[] }>;
    secureConnection?: boolean;
  }

  export default function hoodiecrow(options: HoodiecrowOptions): HoodiecrowServer;
}
