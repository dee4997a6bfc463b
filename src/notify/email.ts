/** E-mail through nodemailer: SMTP for delivery, its stream transport for the `.eml` files of a dry run. */
import nodemailer from "nodemailer";

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Machine-readable copy for the region's systems, attached as notification.json. */
  json: unknown;
}

export interface SmtpOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (nodemailer's connection URL). */
  url: string;
  /** Connection, greeting and socket timeouts: a hanging server is an error, then a retry (default 30 s). */
  timeoutMs?: number;
}

function message(mail: Mail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    attachments: [
      {
        filename: "notification.json",
        content: `${JSON.stringify(mail.json, null, 2)}\n`,
        contentType: "application/json; charset=utf-8",
      },
    ],
  };
}

/** The raw RFC 5322 message, as it would go over SMTP. */
export async function renderEml(mail: Mail): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail(message(mail));
  return info.message as Buffer;
}

export type SmtpSender = { send(mail: Mail): Promise<string>; close(): void };

export function smtpSender(opts: SmtpOptions): SmtpSender {
  const timeout = opts.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: opts.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      const info = await transport.sendMail(message(mail));
      if (info.rejected?.length) throw new Error(`сервер отклонил адреса: ${info.rejected.join(", ")}`);
      return String(info.messageId ?? "");
    },
    close: () => transport.close(),
  };
}
