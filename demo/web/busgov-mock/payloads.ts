import type { Sphere } from "../../../src/types/common.ts";
import type { MockAgency } from "./types.ts";

/*
 * JSON bodies shaped like the real bus.gov.ru endpoints as far as public code shows them
 * (anchors.md §5.3; src/extract/busgov/schemas.ts documents field by field what is learnt and what is
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

const SCOPE: Record<Sphere, string> = {
  social: "Социальное обслуживание",
  health: "Охрана здоровья",
  culture: "Культура",
  education: "Образование",
  sport: "Физическая культура и спорт",
};

/**
 * One plan as planShortcomingInfoType (ТФФ 1.8.3, Types.xsd; see planShortcomingSchema): the report on
 * the plan is FACT_DATE / MEASURES on the items. Dates are xs:date.
 */
export function planShortcoming(a: MockAgency, p: MockAgency["plans"][number]): Record<string, unknown> {
  const y = p.year + 1;
  const reported = p.reported ?? (p.reportPlaced ? "all" : "none");
  const item = (n: number, criterion: string, name: string, activity: string, planDate: string) => ({
    CRITERION_NAME: criterion,
    NAME: name,
    ACTIVITY: activity,
    PLAN_DATE: planDate,
    FIO: n === 0 ? "Петрова Анна Сергеевна" : "Иванова Мария Петровна",
    POSITION: n === 0 ? "Заместитель директора" : "Директор",
    ...(reported === "all" || (reported === "some" && n === 0)
      ? { FACT_DATE: planDate, MEASURES: `${activity}: выполнено` }
      : {}),
  });
  return {
    RATING_YEAR: p.year,
    SOCIAL_COUNCIL: "Общественный совет по проведению независимой оценки качества",
    PLAN_PERIOD: String(y),
    DESTINATION_ORGANIZATION: a.fullName ?? a.name,
    SCOPE_ACTIVITY: SCOPE[a.sphere],
    INN: a.inn,
    KPP: `${a.inn.slice(0, 4)}01001`,
    ORGANIZATION_APPROVED: "Учредитель (орган исполнительной власти субъекта)",
    APPROVE_DATE: `${y}-03-01`,
    GROUPS_SHORTCOMINGS: [
      {
        CRITERION_NAME: "Открытость и доступность информации об организации",
        SHORTCOMINGS: [
          item(
            0,
            "Открытость и доступность информации об организации",
            "На сайте нет раздела «Часто задаваемые вопросы»",
            "Создать раздел «Часто задаваемые вопросы» на официальном сайте",
            `${y}-06-01`,
          ),
        ],
      },
      {
        CRITERION_NAME: "Доступность услуг для инвалидов",
        SHORTCOMINGS: [
          item(
            1,
            "Доступность услуг для инвалидов",
            "Нет сменного кресла-коляски",
            "Приобрести сменное кресло-коляску",
            `${y}-12-31`,
          ),
        ],
      },
    ],
    PLAN_SHORTCOMING_DOCUMENTS: [
      {
        DOC_NAME: "Приказ об утверждении плана",
        DOC_TYPE: "Приказ",
        REG_DATE: `${y}-03-01`,
        DOC_NUM: "15-о",
      },
    ],
  };
}

/** Our stand-in path for plans (no public bus.gov.ru endpoint is known; see plansSchema). */
export function plansPayload(a: MockAgency): unknown {
  if (a.quirk === "unexpected-shape") {
    return a.plans.map((p) => ({ god: p.year, plan: "см. вложение" }));
  }
  return { plans: a.plans.map((p) => planShortcoming(a, p)) };
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
