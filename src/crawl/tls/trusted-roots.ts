import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { fileURLToPath } from "node:url";
import { UsageError } from "../../util/errors.ts";

/**
 * Roots nok-monitor trusts besides Node's own. Many regional government and institution sites carry
 * certificates of the НУЦ Минцифры (Russian Trusted Root CA), which Node's store lacks; their servers often
 * omit the intermediate, so the Sub CA is shipped too. The published SHA-256 fingerprints (gosuslugi.ru/crt)
 * are checked by test/crawl/tls-trust.test.ts; a file that no longer matches them fails the tests.
 */
export const BUNDLED_ROOTS = [
  {
    name: "Russian Trusted Root CA",
    file: "russian-trusted-root-ca.pem",
    sha256: "D2:6D:2D:02:31:B7:C3:9F:92:CC:73:85:12:BA:54:10:35:19:E4:40:5D:68:B5:BD:70:3E:97:88:CA:8E:CF:31",
  },
  {
    name: "Russian Trusted Sub CA (2024)",
    file: "russian-trusted-sub-ca-2024.pem",
    sha256: "21:55:78:50:36:C9:00:DB:B5:F1:BB:2A:15:69:C8:0C:55:59:5B:D6:BF:94:86:7A:29:BB:DD:BC:7D:88:A3:F2",
  },
] as const;

export function bundledRootPath(file: string): string {
  return fileURLToPath(new URL(`./ca/${file}`, import.meta.url));
}

let bundled: string[] | null = null;

/** The bundled PEMs (read once). */
export function bundledRoots(): string[] {
  bundled ??= BUNDLED_ROOTS.map((r) => readFileSync(bundledRootPath(r.file), "utf8"));
  return bundled;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of a PEM text; throws when there is none or one does not parse. */
export function parsePemCertificates(text: string): string[] {
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error("в файле нет сертификатов PEM (-----BEGIN CERTIFICATE-----)");
  for (const block of blocks) new X509Certificate(block);
  return blocks;
}

/** A `--ca FILE`: its PEM certificates, or a usage error that names the file. */
export function readCaFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`--ca ${path}: файл не прочитан (${(err as Error).message})`);
  }
  try {
    return parsePemCertificates(text);
  } catch (err) {
    throw new UsageError(`--ca ${path}: ${(err as Error).message}`);
  }
}

/**
 * NODE_EXTRA_CA_CERTS, honoured explicitly: Node adds it to its default store, but a connection given its own
 * `ca` list (ours) would lose it. An unreadable file is skipped, as Node itself only warns.
 */
export function envExtraCa(env: NodeJS.ProcessEnv = process.env): string[] {
  const path = env.NODE_EXTRA_CA_CERTS?.trim();
  if (!path) return [];
  try {
    return parsePemCertificates(readFileSync(path, "utf8"));
  } catch {
    return [];
  }
}

export interface TrustOptions {
  /** More roots (`--ca FILE`), added to the rest. */
  extraCa?: readonly string[];
  /** The bundled Russian roots; default true. */
  bundled?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Node's roots + the bundled Russian roots + NODE_EXTRA_CA_CERTS + `--ca`: never fewer than Node trusts. */
export function trustedCa(options: TrustOptions = {}): string[] {
  return [
    ...rootCertificates,
    ...(options.bundled === false ? [] : bundledRoots()),
    ...envExtraCa(options.env),
    ...(options.extraCa ?? []),
  ];
}
