// The shapes of the answers the page reads (a subset of /openapi.json) and the two ways it asks:
// a JSON POST to vaardig's own endpoints and a GET of the ESCO-style /suggest2.

/** A concept named in an answer: id, Dutch and English labels. */
export interface Named {
  id: string;
  label: string;
  label_en: string;
}

/** A mention found by `POST /extract`. */
export interface Mention {
  id: string;
  kind: string;
  label: string;
  text: string;
}

/** An entry requirement of an occupation or a route. */
export interface Requirement {
  qualification?: Named;
  nlqf?: number;
  status: "held" | "on_route" | "to_apply" | "missing";
  granted_on?: Named;
}

/** One occupation within reach. */
export interface Transition extends Named {
  occupation: string;
  score: number;
  relatedness: { score: number };
  reachability: { score: number };
  gap_hours: number;
  cost_eur: number;
  missing: Named[];
  drivers: Named[];
  shortage: boolean;
  nlqf?: number;
  nlqf_step?: number;
  requirements?: Requirement[];
}

/** One required skill in a gap. */
export interface SkillMatch {
  skill: Named;
  importance: "essential" | "important" | "optional";
  required_level?: number;
  credit: number;
}

/** The gap to one occupation. */
export interface Gap {
  occupation: Named;
  score: number;
  missing: SkillMatch[];
  partial: SkillMatch[];
  matched: SkillMatch[];
}

/** One course of a route. */
export interface RouteStep {
  offer: Named;
  hours: number;
  cost_eur: number;
  nlqf?: number;
  covers: Named[];
}

/** The course route to a target. */
export interface Route {
  steps: RouteStep[];
  total_hours: number;
  total_cost_eur: number;
  budget?: unknown;
  within_budget: boolean;
  uncovered: Named[];
  requirements?: Requirement[];
  reaches_occupation: boolean;
}

/** Learning rights. */
export interface Entitlement {
  available_eur: number;
  available_hours: number;
  lifetime_eur: number;
}

/** The answer of `POST /advies`. */
export interface Advice {
  transitions: Transition[];
  target: string;
  gap: Gap;
  entitlement: Entitlement;
  route: Route;
}

/** One result of `/suggest2` (ESCO's brief search result). */
export interface Hit {
  code: string;
  title: string;
}

/** A page of `/suggest2`. */
interface SearchPage {
  _embedded?: { results?: Hit[] };
}

/** An error answer. */
interface ErrorBody {
  message?: string;
}

/** POSTs `body` as JSON to `path`; the answer, or an Error with the server's message. */
export async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const j: unknown = await r.json();
  if (!r.ok) throw new Error((j as ErrorBody).message || r.statusText);
  return j as T;
}

/** The results of `/suggest2` for `params`. */
export async function suggest2(params: Record<string, string>): Promise<Hit[]> {
  const q = new URLSearchParams(params);
  const page = (await (await fetch("/suggest2?" + q.toString())).json()) as SearchPage;
  return (page._embedded && page._embedded.results) || [];
}
