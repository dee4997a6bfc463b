/** The live bus.gov.ru client: the network of crawl/busgov with the questions and reading of extract/busgov. */
import { type BusGovHttpOptions, createBusGovHttp } from "../crawl/busgov/http-client.ts";
import type { BusGovClient } from "../extract/busgov/client.ts";
import { busgovQuestions } from "../extract/busgov/questions.ts";

export type BusGovClientOptions = BusGovHttpOptions;

export interface HttpBusGovClient extends BusGovClient {
  /** Start times of every request attempt, by the injected clock. */
  readonly requestStarts: readonly number[];
  close(): Promise<void>;
}

export function createBusGovClient(options: BusGovClientOptions = {}): HttpBusGovClient {
  const http = createBusGovHttp(options);
  const questions = busgovQuestions(http);
  return {
    findAgency: questions.findAgency,
    ratings: questions.ratings,
    plans: questions.plans,
    get requestStarts() {
      return http.requestStarts;
    },
    close: () => http.close(),
  };
}
