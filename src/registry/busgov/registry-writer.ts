/**
 * Writes the imported registry as YAML while reading, one row at a time: `sites:` (institutions with a
 * usable site, the list `nok run` reads) and `withoutSite:` (institutions whose `www` is missing or
 * unusable; the registry loader ignores that key, people read it). The no-site rows go to a side file
 * first and are appended at the end, so neither list is held in memory. Strings are written as JSON
 * strings, which are valid YAML double-quoted scalars. The KPP is kept as a comment: the registry has no
 * KPP column, and a comment keeps it visible without a warning per row on load.
 */
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { SPHERE_TITLES } from "../fields.ts";
import type { ImportedInstitution } from "./to-site.ts";

const q = (s: string) => JSON.stringify(s);

function write(stream: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once("drain", resolve);
      stream.once("error", reject);
    }
  });
}

function end(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.end(resolve);
  });
}

export interface RegistryWriter {
  add(i: ImportedInstitution): Promise<void>;
  /** Appends the no-site list and the closing summary comment; renames into place. */
  finish(summaryLines: string[]): Promise<void>;
  abort(): Promise<void>;
}

export async function createRegistryWriter(out: string, headerLines: string[]): Promise<RegistryWriter> {
  await mkdir(dirname(out), { recursive: true });
  const tmpOut = `${out}.part`;
  const tmpNoSite = `${out}.nosite.part`;
  const main = createWriteStream(tmpOut, { encoding: "utf8" });
  const side = createWriteStream(tmpNoSite, { encoding: "utf8" });
  await write(main, `${headerLines.map((l) => `# ${l}`.trimEnd()).join("\n")}\nsites:\n`);
  let sites = 0;
  let noSite = 0;

  return {
    async add(i) {
      const kpp = i.kpp ? ` # КПП ${i.kpp}` : "";
      const common =
        `    region: ${q(i.region)}\n    sphere: ${q(SPHERE_TITLES[i.sphere])}\n` +
        `    name: ${q(i.name)}\n`;
      if (i.url) {
        sites++;
        await write(
          main,
          `  - kind: "учреждение"\n${common}    url: ${q(i.url)}\n    inn: ${q(i.inn)}${kpp}\n`,
        );
      } else {
        noSite++;
        const www = i.www ? `    www: ${q(i.www)}\n` : "";
        await write(
          side,
          `  - region: ${q(i.region)}\n    sphere: ${q(SPHERE_TITLES[i.sphere])}\n    name: ${q(i.name)}\n` +
            `    inn: ${q(i.inn)}${kpp}\n${www}    reason: ${q(i.noSiteReason ?? "сайт не указан")}\n`,
        );
      }
    },
    async finish(summaryLines) {
      if (sites === 0) await write(main, "  []\n");
      await end(side);
      await write(
        main,
        "\n# Учреждения без сайта (или с адресом, который нельзя проверить): nok run их не проверяет.\n" +
          `withoutSite:${noSite === 0 ? " []" : ""}\n`,
      );
      for await (const chunk of createReadStream(tmpNoSite, { encoding: "utf8" })) await write(main, chunk);
      await write(main, `\n${summaryLines.map((l) => `# ${l}`).join("\n")}\n`);
      await end(main);
      await rm(tmpNoSite, { force: true });
      await rename(tmpOut, out);
    },
    async abort() {
      main.destroy();
      side.destroy();
      await rm(tmpOut, { force: true });
      await rm(tmpNoSite, { force: true });
    },
  };
}
