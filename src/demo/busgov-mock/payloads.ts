import type { Sphere } from "../../types/common.ts";
import type { MockAgency } from "./types.ts";

/*
 * JSON bodies shaped like the real bus.gov.ru endpoints as far as public code shows them
 * (anchors.md §5.3; src/crawl/busgov/schemas.ts documents field by field what is learnt and what is
 * assumed). Ids are numbers, as the public scripts' data suggests.
 */

const GROUP: Record<Sphere, string> = {
  social: "Организации социального обслуживания",
  health: "Медицинские организации",
  culture: "Организации культуры",
  education: "Общеобразовательные организации",
  sport: "Организации физической культуры и спорта",
};

const numericId = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);
const address = (a: MockAgency) => `Российская Федерация, субъект ${a.region}, ул. Ленина, д. 1`;

/** extendedSearchAgencyNew: INN or a name fragment. The real search is full-text; this is close enough. */
export function searchPayload(agencies: MockAgency[], searchString: string): unknown {
  const q = searchString.trim().toLowerCase();
  const hits = q ? agencies.filter((a) => a.inn === q || a.name.toLowerCase().includes(q) || a.id === q) : [];
  return {
    agencies: hits.map((a) => ({
      agencyId: numericId(a.id),
      shortName: a.name,
      fullAddress: address(a),
      phone: "+7 (4872) 00-00-00",
      website: a.website ?? null,
    })),
  };
}

export function cardPayload(a: MockAgency): unknown {
  return {
    agency: {
      id: numericId(a.id),
      inn: a.inn,
      shortClientName: a.name,
      fullClientName: a.fullName ?? a.name,
      agencyAddress: { fullAddress: address(a) },
      phone: "+7 (4872) 00-00-00",
      website: a.website ?? null,
      email: `info${a.id}@example.test`,
      managerSecondName: "Иванова",
      managerFirstName: "Мария",
      managerMiddleName: "Петровна",
    },
    publicInfo: { ppo: { settlementType: "город" } },
  };
}

/** commonInfo entry: only the latest rating year, as the real endpoint returns one ratingYear. */
export function commonInfoEntry(a: MockAgency): unknown {
  if (a.quirk === "unexpected-shape") {
    return { ratingYear: "нет данных", ratings: { total: a.results.length } };
  }
  const latest = [...a.results].sort((x, y) => y.year - x.year)[0];
  if (!latest) return { ratingYear: null, scopeWithRatingsDtos: [] };
  const values = Object.fromEntries(Object.entries(latest.criteria).map(([k, v]) => [`${k}Value`, v]));
  return {
    ratingYear: latest.year,
    scopeWithRatingsDtos: [
      {
        ratingDetailsDto: [
          { organizationGroup: { groupName: GROUP[a.sphere] }, globalPlaceValue: 42, ...values },
        ],
      },
    ],
  };
}

/** ASSUMED endpoint and shape (see plansSchema in src/crawl/busgov/schemas.ts). */
export function plansPayload(a: MockAgency): unknown {
  if (a.quirk === "unexpected-shape") {
    return a.plans.map((p) => ({ god: p.year, plan: "см. вложение" }));
  }
  return {
    plans: a.plans.map((p) => ({
      ratingYear: p.year,
      approveDate: `01.03.${p.year + 1}`,
      items: [
        {
          shortcoming: "На сайте нет раздела «Часто задаваемые вопросы»",
          measure: "Создать раздел «Часто задаваемые вопросы» на официальном сайте",
          deadline: `01.06.${p.year + 1}`,
          responsible: "Заместитель директора",
          done: p.reportPlaced,
        },
        {
          shortcoming: "Нет сменного кресла-коляски",
          measure: "Приобрести сменное кресло-коляску",
          deadline: `31.12.${p.year + 1}`,
          responsible: "Директор",
          done: p.reportPlaced,
        },
      ],
      executionReport: p.reportPlaced ? { placedAt: `${p.year + 1}-12-20` } : null,
    })),
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);

/** The human card (/pub/info-card/{id}): a small page for evidence links in reports. */
export function infoCardHtml(a: MockAgency): string {
  const latest = [...a.results].sort((x, y) => y.year - x.year)[0];
  const nok = latest
    ? `<p>Результаты независимой оценки качества условий оказания услуг за ${latest.year} год: ${latest.totalScore} баллов.</p>`
    : "<p>Результаты независимой оценки качества отсутствуют.</p>";
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(a.name)} — bus.gov.ru (макет)</title></head>
<body><h1>${escapeHtml(a.name)}</h1><p>ИНН ${a.inn}</p><h2>Независимая оценка качества</h2>${nok}</body></html>`;
}
