// The page's words in Dutch (first) and English. Keys are used by data-i18n attributes and by
// main.ts; the English table must have every Dutch key (the type says so).

const nl = {
  skip: "Naar de inhoud", title: "vaardig — loopbaanadvies",
  privacy: "Deze pagina bewaart niets: alle gegevens blijven in deze browser en worden alleen voor het antwoord naar de server gestuurd.",
  step1: "1. Vaardigheden", cvLabel: "Plak de cv-tekst", cvPlaceholder: "Bijvoorbeeld: acht jaar kassamedewerker, klantvragen beantwoorden …",
  extract: "Vaardigheden uit de tekst halen", addLabel: "Of voeg een vaardigheid toe", addPlaceholder: "Typ een vaardigheid",
  add: "Toevoegen", chips: "Gevonden vaardigheden", noChips: "Nog geen vaardigheden.",
  step2: "2. De persoon", age: "Leeftijd", nlqf: "Hoogste afgeronde NLQF-niveau", none: "geen (geen startkwalificatie)",
  scheme: "Regeling", leerrechten: "Leerrechten", publiek: "Publiek bekostigd tot mbo-4", shortageOnly: "Alleen tekortberoepen",
  advise: "Beroepen zoeken", step3: "3. Beroepen binnen bereik",
  mapCaption: "Overgangskaart: hoe dikker de lijn, hoe beter de aansluiting.", step4: "4. Advies", print: "Advies afdrukken",
  evidence: "Bewijs", level: "Niveau", noLevel: "onbekend", remove: "Verwijder", found: "gevonden als",
  ev_diploma: "diploma", ev_mbo_certificate: "mbo-certificaat", ev_microcredential: "microcredential",
  ev_work_experience: "werkervaring", ev_self_declared: "eigen opgave",
  busy: "Bezig …", extracted: "{n} vaardigheden gevonden.", needSkills: "Voeg eerst minstens één vaardigheid toe.",
  noneFound: "Geen vaardigheden gevonden in de tekst.", shown: "{n} beroepen gevonden.",
  choose: "Kies dit beroep", score: "score", related: "verwant", reachable: "bereikbaar", hours: "uur", eur: "EUR",
  shortage: "tekortberoep", why: "Waarom", shared: "Gedeelde vaardigheden", toLearn: "Te leren (essentieel)",
  entry: "Instapniveau", stepUp: "NLQF {n}, {s} stap(pen) hoger", sameLevel: "NLQF {n}", unknownLevel: "onbekend",
  gapTitle: "Kloof naar {occ}", coverage: "Essentiële vaardigheden: {c} van {t} aanwezig",
  covered: "aanwezig", missing: "ontbreekt", partial: "deels",
  status: "status", skill: "vaardigheid", importance: "belang", credit: "krediet",
  imp_essential: "essentieel", imp_important: "belangrijk", imp_optional: "optioneel",
  routeTitle: "Leerroute", offer: "aanbod", closes: "sluit", total: "Totaal: {h} uur, EUR {c}",
  fits: "past binnen het budget", fitsNot: "past niet binnen het budget", noOffer: "Geen aanbod voor: {l}",
  rightsTitle: "Leerrechten", available: "Beschikbaar: EUR {e} ({h} uur)", lifetime: "Levenslang: EUR {e}",
  adviceFor: "Advies voor {occ}", error: "Fout: {m}",
  qualLabel: "Diploma's, registraties en rijbewijzen", qualPlaceholder: "Bijvoorbeeld: BIG-registratie, rijbewijs C, VCA",
  requirements: "Toelatingseisen", requirement: "eis", noRequirements: "geen", minLevel: "minimaal NLQF-niveau {n}",
  grantedOn: "op grond van {q}", req_held: "in bezit", req_on_route: "op de route", req_to_apply: "daarna aan te vragen",
  req_missing: "nog nodig, niet in dit aanbod", fitsNotComplete: "de cursussen passen binnen het budget, maar de route is niet compleet",
  stillNeeded: "Let op: met deze route alleen kan de persoon nog niet in dit beroep werken. Ook nodig: {l}."
};

export type Key = keyof typeof nl;
export type Lang = "nl" | "en";

const en: Record<Key, string> = {
  skip: "Skip to content", title: "vaardig — career advice",
  privacy: "This page stores nothing: all data stays in this browser and is sent to the server only to get the answer.",
  step1: "1. Skills", cvLabel: "Paste the CV text", cvPlaceholder: "For example: eight years as a cashier, answering customer questions …",
  extract: "Find skills in the text", addLabel: "Or add a skill", addPlaceholder: "Type a skill",
  add: "Add", chips: "Skills found", noChips: "No skills yet.",
  step2: "2. The person", age: "Age", nlqf: "Highest completed NLQF level", none: "none (no basic qualification)",
  scheme: "Scheme", leerrechten: "Learning rights", publiek: "Public funding up to mbo-4", shortageOnly: "Shortage occupations only",
  advise: "Find occupations", step3: "3. Occupations within reach",
  mapCaption: "Transition map: the thicker the line, the better the fit.", step4: "4. Advice", print: "Print the advice",
  evidence: "Evidence", level: "Level", noLevel: "unknown", remove: "Remove", found: "found as",
  ev_diploma: "diploma", ev_mbo_certificate: "mbo certificate", ev_microcredential: "microcredential",
  ev_work_experience: "work experience", ev_self_declared: "self-declared",
  busy: "Working …", extracted: "{n} skills found.", needSkills: "Add at least one skill first.",
  noneFound: "No skills found in the text.", shown: "{n} occupations found.",
  choose: "Choose this occupation", score: "score", related: "related", reachable: "reachable", hours: "hours", eur: "EUR",
  shortage: "shortage occupation", why: "Why", shared: "Shared skills", toLearn: "To learn (essential)",
  entry: "Entry level", stepUp: "NLQF {n}, {s} step(s) up", sameLevel: "NLQF {n}", unknownLevel: "unknown",
  gapTitle: "Gap to {occ}", coverage: "Essential skills: {c} of {t} held",
  covered: "held", missing: "missing", partial: "partly",
  status: "status", skill: "skill", importance: "importance", credit: "credit",
  imp_essential: "essential", imp_important: "important", imp_optional: "optional",
  routeTitle: "Learning route", offer: "offer", closes: "closes", total: "Total: {h} hours, EUR {c}",
  fits: "fits the budget", fitsNot: "does not fit the budget", noOffer: "No offer for: {l}",
  rightsTitle: "Learning rights", available: "Available: EUR {e} ({h} hours)", lifetime: "Lifetime: EUR {e}",
  adviceFor: "Advice for {occ}", error: "Error: {m}",
  qualLabel: "Diplomas, registrations and licences", qualPlaceholder: "For example: BIG registration, C licence, VCA",
  requirements: "Entry requirements", requirement: "requirement", noRequirements: "none", minLevel: "at least NLQF level {n}",
  grantedOn: "on the grounds of {q}", req_held: "held", req_on_route: "on the route", req_to_apply: "to apply for afterwards",
  req_missing: "still needed, not in these offers", fitsNotComplete: "the offers fit the budget, but the route is not complete",
  stillNeeded: "Note: this route alone does not get the person into this occupation. Also needed: {l}."
};

export const I18N: Record<Lang, Record<Key, string>> = { nl, en };
