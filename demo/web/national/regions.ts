/**
 * All 89 subjects as the demo's RegionInfo: codes and names from the real list (registry/regions.yaml), the
 * grammatical cases derived from the name, and a few plausible local details (cities, phone code, postcode
 * prefix, government domain). The hand-made demo regions keep their own entries so their sites stay identical.
 */
import { loadRegions } from "../../../src/registry/regions.ts";
import { DEMO_REGIONS } from "../regions.ts";
import type { RegionInfo } from "../types.ts";

/** code → [latin slug for site ids, cities (capital first), phone code, postcode prefix, domain]. */
type Local = [slug: string, cities: string[], phoneCode: string, postcode: string, domain: string];

const LOCAL: Record<string, Local> = {
  "01": ["adygea", ["Майкоп", "Адыгейск"], "8772", "385", "adygheya.ru"],
  "02": ["bashkortostan", ["Уфа", "Стерлитамак", "Салават", "Нефтекамск"], "347", "450", "bashkortostan.ru"],
  "03": ["buryatia", ["Улан-Удэ", "Северобайкальск", "Гусиноозерск"], "3012", "670", "egov-buryatia.ru"],
  "04": ["altai-rep", ["Горно-Алтайск"], "38822", "649", "altai-republic.ru"],
  "05": ["dagestan", ["Махачкала", "Дербент", "Хасавюрт", "Каспийск"], "8722", "367", "e-dag.ru"],
  "06": ["ingushetia", ["Магас", "Назрань", "Карабулак", "Малгобек"], "8734", "386", "ingushetia.ru"],
  "07": ["kbr", ["Нальчик", "Прохладный", "Баксан"], "8662", "360", "kbr.ru"],
  "08": ["kalmykia", [], "", "", ""],
  "09": ["kchr", ["Черкесск", "Карачаевск", "Усть-Джегута"], "8782", "369", "kchr.ru"],
  "10": ["karelia", ["Петрозаводск", "Кондопога", "Сегежа", "Костомукша"], "8142", "185", "gov.karelia.ru"],
  "11": ["komi", ["Сыктывкар", "Ухта", "Воркута", "Печора"], "8212", "167", "rkomi.ru"],
  "12": ["mari-el", ["Йошкар-Ола", "Волжск", "Козьмодемьянск"], "8362", "424", "mari-el.gov.ru"],
  "13": ["mordovia", [], "", "", ""],
  "14": ["yakutia", ["Якутск", "Нерюнгри", "Мирный", "Ленск"], "4112", "677", "sakha.gov.ru"],
  "15": ["north-ossetia", ["Владикавказ", "Моздок", "Беслан"], "8672", "362", "alania.gov.ru"],
  "16": [
    "tatarstan",
    ["Казань", "Набережные Челны", "Альметьевск", "Нижнекамск"],
    "843",
    "420",
    "tatarstan.ru",
  ],
  "17": ["tyva", ["Кызыл", "Ак-Довурак", "Шагонар"], "39422", "667", "rtyva.ru"],
  "18": ["udmurtia", ["Ижевск", "Сарапул", "Глазов", "Воткинск"], "3412", "426", "udmurt.ru"],
  "19": ["khakassia", ["Абакан", "Черногорск", "Саяногорск"], "3902", "655", "r-19.ru"],
  "20": ["chechnya", ["Грозный", "Аргун", "Гудермес"], "8712", "364", "chechnya.gov.ru"],
  "21": ["chuvashia", ["Чебоксары", "Новочебоксарск", "Канаш", "Алатырь"], "8352", "428", "cap.ru"],
  "22": ["altai-krai", ["Барнаул", "Бийск", "Рубцовск", "Новоалтайск"], "3852", "656", "altairegion22.ru"],
  "23": ["krasnodar", ["Краснодар", "Сочи", "Новороссийск", "Армавир"], "861", "350", "krasnodar.ru"],
  "24": ["krasnoyarsk", ["Красноярск", "Норильск", "Ачинск", "Канск"], "391", "660", "krskstate.ru"],
  "25": ["primorye", ["Владивосток", "Находка", "Уссурийск", "Артем"], "423", "690", "primorsky.ru"],
  "26": [
    "stavropol",
    ["Ставрополь", "Пятигорск", "Кисловодск", "Невинномысск"],
    "8652",
    "355",
    "stavregion.ru",
  ],
  "27": ["khabarovsk", ["Хабаровск", "Комсомольск-на-Амуре", "Амурск"], "4212", "680", "khabkrai.ru"],
  "28": ["amur", ["Благовещенск", "Белогорск", "Свободный"], "4162", "675", "amurobl.ru"],
  "29": ["arkhangelsk", ["Архангельск", "Северодвинск", "Котлас"], "8182", "163", "dvinaland.ru"],
  "30": ["astrakhan", ["Астрахань", "Ахтубинск", "Знаменск"], "8512", "414", "astrobl.ru"],
  "31": ["belgorod", ["Белгород", "Старый Оскол", "Губкин"], "4722", "308", "belregion.ru"],
  "32": ["bryansk", ["Брянск", "Клинцы", "Новозыбков"], "4832", "241", "bryanskobl.ru"],
  "33": ["vladimir", ["Владимир", "Ковров", "Муром"], "4922", "600", "avo.ru"],
  "34": ["volgograd", ["Волгоград", "Волжский", "Камышин"], "8442", "400", "volgograd.ru"],
  "35": ["vologda", ["Вологда", "Череповец", "Сокол"], "8172", "160", "vologda-oblast.ru"],
  "36": ["voronezh", ["Воронеж", "Борисоглебск", "Россошь"], "473", "394", "govvrn.ru"],
  "37": ["ivanovo", ["Иваново", "Кинешма", "Шуя"], "4932", "153", "ivanovoobl.ru"],
  "38": ["irkutsk", [], "", "", ""],
  "39": ["kaliningrad", [], "", "", ""],
  "40": ["kaluga", ["Калуга", "Обнинск", "Людиново"], "4842", "248", "admoblkaluga.ru"],
  "41": ["kamchatka", ["Петропавловск-Камчатский", "Елизово", "Вилючинск"], "4152", "683", "kamgov.ru"],
  "42": ["kuzbass", ["Кемерово", "Новокузнецк", "Прокопьевск", "Междуреченск"], "3842", "650", "ako.ru"],
  "43": ["kirov", ["Киров", "Кирово-Чепецк", "Слободской"], "8332", "610", "kirovreg.ru"],
  "44": ["kostroma", ["Кострома", "Буй", "Нерехта"], "4942", "156", "adm44.ru"],
  "45": ["kurgan", ["Курган", "Шадринск", "Шумиха"], "3522", "640", "kurganobl.ru"],
  "46": ["kursk", ["Курск", "Железногорск", "Курчатов"], "4712", "305", "rkursk.ru"],
  "47": ["leningrad-obl", ["Гатчина", "Выборг", "Тихвин", "Всеволожск"], "813", "188", "lenobl.ru"],
  "48": ["lipetsk", ["Липецк", "Елец", "Грязи"], "4742", "398", "admlip.ru"],
  "49": ["magadan", ["Магадан", "Сусуман"], "4132", "685", "49gov.ru"],
  "50": ["moscow-obl", ["Красногорск", "Подольск", "Балашиха", "Химки"], "495", "143", "mosreg.ru"],
  "51": ["murmansk", ["Мурманск", "Апатиты", "Североморск", "Мончегорск"], "8152", "183", "gov-murman.ru"],
  "52": ["nizhny", ["Нижний Новгород", "Дзержинск", "Арзамас"], "831", "603", "government-nnov.ru"],
  "53": ["novgorod", ["Великий Новгород", "Боровичи", "Старая Русса"], "8162", "173", "novreg.ru"],
  "54": ["novosibirsk", ["Новосибирск", "Бердск", "Искитим"], "383", "630", "nso.ru"],
  "55": ["omsk", ["Омск", "Тара", "Исилькуль"], "3812", "644", "omskportal.ru"],
  "56": ["orenburg", ["Оренбург", "Орск", "Новотроицк", "Бузулук"], "3532", "460", "orenburg-gov.ru"],
  "57": ["orel", ["Орел", "Мценск", "Ливны"], "4862", "302", "orel-region.ru"],
  "58": ["penza", ["Пенза", "Кузнецк", "Заречный"], "8412", "440", "pnzreg.ru"],
  "59": ["perm", ["Пермь", "Березники", "Соликамск", "Чайковский"], "342", "614", "permkrai.ru"],
  "60": ["pskov", ["Псков", "Великие Луки", "Остров"], "8112", "180", "pskov.ru"],
  "61": ["rostov", ["Ростов-на-Дону", "Таганрог", "Шахты", "Новочеркасск"], "863", "344", "donland.ru"],
  "62": ["ryazan", ["Рязань", "Касимов", "Скопин"], "4912", "390", "ryazangov.ru"],
  "63": ["samara", ["Самара", "Тольятти", "Сызрань", "Новокуйбышевск"], "846", "443", "samregion.ru"],
  "64": ["saratov", ["Саратов", "Энгельс", "Балаково", "Вольск"], "8452", "410", "saratov.gov.ru"],
  "65": ["sakhalin", ["Южно-Сахалинск", "Корсаков", "Холмск"], "4242", "693", "sakhalin.gov.ru"],
  "66": [
    "sverdlovsk",
    ["Екатеринбург", "Нижний Тагил", "Каменск-Уральский", "Первоуральск"],
    "343",
    "620",
    "midural.ru",
  ],
  "67": ["smolensk", [], "", "", ""],
  "68": ["tambov", ["Тамбов", "Мичуринск", "Моршанск"], "4752", "392", "tambov.gov.ru"],
  "69": ["tver", ["Тверь", "Ржев", "Вышний Волочек"], "4822", "170", "tverreg.ru"],
  "70": ["tomsk", ["Томск", "Северск", "Стрежевой"], "3822", "634", "tomsk.gov.ru"],
  "71": ["tula", [], "", "", ""],
  "72": ["tyumen", ["Тюмень", "Тобольск", "Ишим"], "3452", "625", "admtyumen.ru"],
  "73": ["ulyanovsk", ["Ульяновск", "Димитровград", "Инза"], "8422", "432", "ulgov.ru"],
  "74": ["chelyabinsk", ["Челябинск", "Магнитогорск", "Златоуст", "Миасс"], "351", "454", "gov74.ru"],
  "75": ["zabaikalye", ["Чита", "Краснокаменск", "Борзя"], "3022", "672", "75.ru"],
  "76": ["yaroslavl", ["Ярославль", "Рыбинск", "Переславль-Залесский"], "4852", "150", "yarregion.ru"],
  "77": ["moscow", ["Москва", "Зеленоград", "Троицк"], "495", "101", "mos.ru"],
  "78": ["spb", ["Санкт-Петербург", "Колпино", "Пушкин", "Кронштадт"], "812", "190", "gov.spb.ru"],
  "79": ["eao", ["Биробиджан", "Облучье"], "42622", "679", "eao.ru"],
  "83": ["nao", ["Нарьян-Мар"], "81853", "166", "adm-nao.ru"],
  "86": ["khmao", [], "", "", ""],
  "87": ["chukotka", ["Анадырь", "Певек", "Билибино"], "42722", "689", "chukotka.gov.ru"],
  "89": ["yanao", ["Салехард", "Новый Уренгой", "Ноябрьск", "Надым"], "34922", "629", "yanao.ru"],
  "90": ["zaporozhye", ["Мелитополь", "Бердянск", "Энергодар"], "990", "272", "zo.gov.ru"],
  "91": ["crimea", ["Симферополь", "Керчь", "Евпатория", "Ялта"], "3652", "295", "rk.gov.ru"],
  "92": ["sevastopol", ["Севастополь", "Инкерман"], "8692", "299", "sev.gov.ru"],
  "93": ["dnr", ["Донецк", "Макеевка", "Горловка"], "856", "283", "glavadnr.ru"],
  "94": ["lnr", ["Луганск", "Алчевск", "Северодонецк"], "857", "291", "glava-lnr.ru"],
  "95": ["kherson", ["Геническ", "Новая Каховка", "Скадовск"], "990", "275", "khogov.ru"],
};

/** Federal cities: «г. Москва» → «города Москвы», «городе Москве» (St Petersburg by its own name). */
const CITIES: Record<string, [genitive: string, prepositional: string]> = {
  "77": ["города Москвы", "городе Москве"],
  "78": ["Санкт-Петербурга", "Санкт-Петербурге"],
  "92": ["города Севастополя", "городе Севастополе"],
};

/** Adjective + noun phrases of subject names, word by word (hard-stem adjectives only, as in the list). */
function declineWord(word: string, kase: "gen" | "prep"): string {
  const gen = kase === "gen";
  const endings: [RegExp, string, string][] = [
    [/ая$/, "ой", "ой"],
    [/ий$/, "ого", "ом"],
    [/ый$/, "ого", "ом"],
    [/^область$/, "области", "области"],
    [/^край$/, "края", "крае"],
    [/^округ$/, "округа", "округе"],
    [/^Республика$/, "Республики", "Республике"],
    [/^Югра$/, "Югры", "Югре"],
    [/^Кузбасс$/, "Кузбасса", "Кузбассе"],
  ];
  for (const [re, g, p] of endings) if (re.test(word)) return word.replace(re, gen ? g : p);
  return word;
}

/**
 * «Тульская область» → «Тульской области»; «Республика Саха (Якутия)» → «Республики Саха (Якутия)»: after
 * «Республика» the proper name stays in the nominative, as official texts write it.
 */
export function declineRegion(code: string, name: string, kase: "gen" | "prep"): string {
  const city = CITIES[code];
  if (city) return kase === "gen" ? city[0] : city[1];
  const [head, ...rest] = name.split(" — ");
  const words = (head ?? name).split(" ");
  const republicFirst = words[0] === "Республика";
  const declined = republicFirst
    ? [declineWord(words[0]!, kase), ...words.slice(1)]
    : words.map((w) => declineWord(w, kase));
  const tail = rest.map((part) => ` — ${declineWord(part, kase)}`).join("");
  return `${declined.join(" ")}${tail}`;
}

let cached: RegionInfo[] | null = null;

/** The 89 subjects in code order, as demo RegionInfo. */
export function nationalRegions(): RegionInfo[] {
  if (cached) return cached;
  const handMade: Record<string, RegionInfo> = DEMO_REGIONS;
  cached = loadRegions().map((r) => {
    const own = handMade[r.code];
    if (own) return own;
    const local = LOCAL[r.code];
    if (!local) throw new Error(`no demo details for region ${r.code} (${r.name})`);
    const [, cities, phoneCode, postcode, domain] = local;
    return {
      code: r.code,
      name: r.name,
      genitive: declineRegion(r.code, r.name, "gen"),
      prepositional: declineRegion(r.code, r.name, "prep"),
      cities,
      phoneCode,
      postcode,
      domain,
    };
  });
  return cached;
}

/** Latin slug of a region for site ids («tula», «kalmykia»), matching the hand-made catalogue's ids. */
export function regionSlug(code: string): string {
  const local = LOCAL[code];
  if (!local) throw new Error(`unknown region code ${code}`);
  return local[0];
}
