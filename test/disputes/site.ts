/** A small authority site whose NOK section nothing links to: found only from a dispute's evidence URL. */

export const PAGES: Record<string, string> = {
  "/": `<html><head><title>Министерство культуры</title></head><body><nav><a href="/news/">Новости</a></nav>
    <main><h1>Министерство культуры</h1><p>Официальный сайт.</p></main></body></html>`,
  "/news/": `<html><head><title>Новости</title></head><body><main><h1>Новости</h1><p>Выставка открыта.</p></main></body></html>`,
  // The section exists but nothing links to it: the crawl cannot find it without the dispute's seed.
  "/deyatelnost/nok/": `<html><head><title>НОК</title></head><body><main>
    <h1>Независимая оценка качества условий оказания услуг организациями культуры</h1>
    <p>В соответствии со статьёй 36.1 Закона Российской Федерации «Основы законодательства о культуре» проводится независимая оценка качества.</p>
    <div><a href="./sovet/">Общественный совет</a> <a href="./rezultaty/">Результаты</a>
    <a href="./normativnye-akty/">Нормативные правовые акты</a></div></main></body></html>`,
};
