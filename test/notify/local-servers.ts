/** Real local receivers for the notification tests: an SMTP server (smtp-server) and an HTTP webhook sink. */
import { createServer as createHttpServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  envelopes: string[][];
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 at a free port; `refuse` rejects every recipient (a 550 like a real server's). */
export async function startSmtp(opts: { refuse?: boolean } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, cb) {
      if (opts.refuse) {
        const err = new Error("mailbox unavailable") as Error & { responseCode: number };
        err.responseCode = 550;
        cb(err);
        return;
      }
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          envelopes.push(session.envelope.rcptTo.map((r) => r.address));
          cb();
        },
        (err: Error) => cb(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    envelopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A TCP server that accepts and never says a word: an SMTP server that hangs. */
export async function startSilent(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createTcpServer((s) => {
    sockets.add(s);
    s.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface HttpSink {
  url: string;
  bodies: unknown[];
  close(): Promise<void>;
}

/** Receives JSON POSTs; the first `failFirst` requests get HTTP 503. */
export async function startWebhook(failFirst = 0): Promise<HttpSink> {
  const bodies: unknown[] = [];
  let seen = 0;
  const server = createHttpServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (seen++ < failFirst) {
      res.writeHead(503).end();
      return;
    }
    bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
