# De hulp van de opdrachtregel (Nederlands): de omschrijving van elke opdracht, de uitleg bij elke
# optie en elke mogelijke waarde, en de woorden die clap zelf gebruikt. Sleutels: zie src/help.rs.

## de woorden van clap
clap-usage = Gebruik
clap-options = Opties
clap-global-options = Algemene opties
clap-arguments = Argumenten
clap-commands = Opdrachten
clap-help = Toon deze hulp
clap-version = Toon het versienummer
clap-error = fout
clap-tip = tip
clap-more-info = Meer informatie: '{ $help }'.
clap-help-command = Toon deze hulp of de hulp bij de gegeven opdracht(en)
clap-default = standaard
clap-possible-values = mogelijke waarden
clap-values-heading = Mogelijke waarden
name-options = OPTIES
name-command = OPDRACHT
name-file = BESTAND
name-dir = MAP
name-id = ID
name-label = NAAM
name-level = NIVEAU
name-occupation = BEROEP
name-occupation-id = BEROEP_ID
name-hours = UREN
name-kind = SOORT
name-langs = TALEN
name-lang = TAAL
name-date = DATUM
name-version = VERSIE
name-query = ZOEKTEKST
name-text = TEKST
name-files = BESTANDEN
name-dirs = MAPPEN
name-old = OUD
name-new = NIEUW
name-addr = ADRES
name-age = LEEFTIJD
name-evidence = BEWIJS
name-format = FORMAAT
name-licence = LICENTIE
name-limit = AANTAL
name-max-body = BYTES
name-max-in-flight = AANTAL
name-name = NAAM
name-optimise = DOEL
name-out = UITVOER
name-rank-by = VOLGORDE
name-scale = GROOTTE
name-scheme = REGELING
name-n = N
name-seed = STARTWAARDE
name-timeout-ms = MS
name-truth = WAARHEID
name-name-dir = NAAM=MAP

## gedeelde uitleg bij opties (een sleutel van de opdracht zelf gaat voor)
help-age = De leeftijd van de persoon (gaat voor die in het profiel; nodig voor leerrechten)
help-index = Bewaar de zoekindex in MAP: gebouwd bij het eerste gebruik, hergebruikt zolang de ontologie niet verandert
help-json = Schrijf JSON
help-lang = De taal van de uitvoer en van deze hulp (ook VAARDIG_LANG): een BCP 47-taalcode zoals nl, en of de-DE; namen verschijnen in die taal waar de ontologie ze heeft, de overige woorden in het Nederlands voor Nederlands en in het Engels voor elke andere taal
help-languages = De talen die worden ingelezen, gescheiden door komma's, de belangrijkste eerst; de eerste taal die elk begrip een naam geeft, wordt de hoofdtaal
help-licence = De licentie in het manifest
help-markdown = Schrijf een rapport in Markdown
help-name = De naam van de ontologie in het manifest
help-nlqf = Hoogst behaalde NLQF-niveau, 1–8, of 0 voor geen (gaat voor dat in het profiel)
help-out = De map waarin de ontologie in het eigen formaat komt: in zijn geheel nieuw gemaakt, of (met `--force`) in plaats van eerdere uitvoer van vaardig; nooit een map met andere bestanden
help-profile = Het profiel van de persoon (JSON; zie examples/profiles/)
help-quiet = Geen voortgangsbalk
help-release-date = De datum van de uitgave in het manifest (JJJJ-MM-DD)
help-release-version = Het versienummer van de uitgave in het manifest
help-report = Schrijf het volledige importverslag (elke melding) als JSON naar BESTAND
help-rows = Hoogstens zoveel regels per Markdown-tabel
help-shortage-only = Alleen beroepen in een sector met tekorten
help-skill = Een vaardigheid die de persoon heeft, met id of naam (herhaalbaar; telt als zelf opgegeven)
help-strict = Stop (en schrijf niets) zodra een regel of triple wordt afgewezen
value-lang-en = Engels
value-lang-nl = Nederlands
value-optimise-cost = Zo weinig mogelijk euro's
value-optimise-hours = Zo weinig mogelijk studie-uren
value-scheme-leerrechten = Individuele leerrechten
value-scheme-publiek-tot-mbo4 = Publieke bekostiging tot en met NLQF 4

## de opdrachten en hun opties

about-vaardig = Koppel mensen, opleidingen en beroepen via een vaardighedentaxonomie zoals CompetentNL
help-vaardig-ontology = Gebruik de ontologie in deze map (het eigen formaat, of de tabellen van `vaardig export --format parquet`) in plaats van de ingebouwde
help-vaardig-config = Gewichten voor de scores uit dit TOML-bestand (elk veld van `vaardig config --defaults`)
help-vaardig-force = Vervang bestaande uitvoer (`--out`, `--report`, ...). Uitvoer wordt altijd in zijn geheel geschreven of helemaal niet; zonder deze optie blijft bestaande uitvoer staan
help-vaardig-no-cache = Lees de ontologie uit haar tabellen en bouw de zoekindex opnieuw, zonder snapshot of bewaarde index te lezen of te schrijven (ook `VAARDIG_NO_CACHE=1`). De cache staat in `$VAARDIG_CACHE_DIR`, anders in `$XDG_CACHE_HOME/vaardig` of `~/.cache/vaardig`

about-stats = Aantallen per soort begrip en relatie, hoe volledig de namen zijn, diepte van de hiërarchie

about-validate = Controleer een ontologiemap; toont fouten en waarschuwingen met bestand:regel
help-validate-dir = De ontologiemap die wordt gecontroleerd, in het eigen formaat of als Parquet-tabellen (standaard: `--ontology`, anders de ingebouwde ontologie)

about-show = Toon één begrip met zijn namen en relaties
help-show-id = Het id van het begrip, bijvoorbeeld `occ:verpleegkundige`

about-export = Schrijf de hele ontologie als JSON, Turtle (SKOS), CSV-tabellen in het eigen formaat of Parquet-tabellen
help-export-format = Het formaat van de uitvoer
value-export-format-json = Eén JSON-document met `concepts` en `relations`
value-export-format-turtle = SKOS in Turtle
value-export-format-csv = Het eigen formaat: ontology.toml met CSV-tabellen (vraagt `--out MAP`)
value-export-format-parquet = Parquet-tabellen in lange vorm voor datateams: manifest, begrippen (met volledige URI's en één kolom per kenmerk), namen (één regel per naam per taal) en relaties (vraagt `--out MAP`; terug te lezen met `vaardig import parquet`)
help-export-out = Waarheen: een bestand (json, turtle) of een map (csv, parquet); zonder deze optie naar standaarduitvoer

about-generate = Schrijf een kunstmatige ontologie uit een vaste startwaarde (bijvoorbeeld zo groot als ESCO) in het eigen formaat
help-generate-scale = Hoe groot
value-generate-scale-small = 500 vaardigheden, 100 beroepen
value-generate-scale-esco = 14.000 vaardigheden, 3.000 beroepen, 130.000 koppelingen, 500 kwalificaties, 10.000 opleidingen
help-generate-seed = De startwaarde van het toeval (dezelfde waarde, dezelfde ontologie)
help-generate-times = Vermenigvuldig alle aantallen met N (16 voor 16× ESCO)
help-generate-out = De map waarin wordt geschreven

about-search = Zoek begrippen op naam, synoniem of omschrijving (Nederlands en Engels, tikfouten mogen)
help-search-query = De zoektekst: een naam, synoniem, deel van een woord of woord met tikfout, in het Nederlands of Engels
help-search-kind = Alleen begrippen van deze soort (herhaalbaar): skill, occupation, qualification, offer, knowledge_area, occupation_task, sector
help-search-lang = Alleen namen in deze taal (standaard: beide); de hulp volgt ook deze taal
value-search-lang-nl = Alleen Nederlandse namen
value-search-lang-en = Alleen Engelse namen
help-search-limit = Hoogstens zoveel treffers per zoekvraag
help-search-prefix = Aanvullen tijdens het typen: namen die met de tekst beginnen (of waarvan een later woord of, in het Nederlands, een deel van een samenstelling ermee begint); tikfouten mogen alleen als niets ermee begint
help-search-json = Schrijf JSON: een lijst van {"{"}id, kind, label, lang, score{"}"}
help-search-batch = Beantwoord één zoekvraag per regel van BESTAND (`-` voor standaardinvoer); schrijft per regel één JSON-lijst (JSON Lines), in de volgorde van de invoer

about-extract = Vind vaardigheden en beroepen die in vrije tekst worden genoemd (een stuk cv, een vacature)
help-extract-text = De tekst die wordt gelezen (een stuk cv, een vacature)
help-extract-file = Lees de tekst uit BESTAND (`-` voor standaardinvoer)
help-extract-json = Schrijf JSON: een lijst van {"{"}id, kind, label, start, end, score, text{"}"}

about-advies = Het hele advies voor één persoon: beroepen binnen bereik, kloof, leerrechten en leerroute
help-advies-to = Het doelberoep (standaard: het beroep dat bovenaan staat)
help-advies-limit = Hoeveel beroepen binnen bereik worden getoond
help-advies-scheme = De regeling waarbinnen de leerroute moet passen
help-advies-optimise = Wat de leerroute zo klein mogelijk maakt
help-advies-json = Schrijf JSON: {"{"}transitions, target, gap, entitlement, route{"}"}

about-gap = De kloof tussen het profiel van een persoon en één beroep
help-gap-occupation = Het id van het beroep, bijvoorbeeld `occ:verkoopmedewerker`

about-transitions = Beroepen binnen bereik van een profiel of een beroep, gerangschikt en uitgelegd
help-transitions-from = Begin bij een beroep (een id of de volledige URI) in plaats van bij een persoon
help-transitions-batch = Veel vertrekpunten, één per regel van BESTAND (`-`: standaardinvoer): een id of URI van een beroep, of een profiel als één JSON-object. Schrijft per regel één JSON-antwoord (de vorm van `--json`), in de volgorde van de invoer; een foute regel geeft `{"{"}"line": N, "error": "..."{"}"}` en afsluitcode 2
help-transitions-limit = Hoogstens zoveel beroepen
help-transitions-sector = Alleen beroepen in deze sector (het id van een sector)
help-transitions-max-gap-hours = Alleen beroepen waarvoor naar schatting hoogstens zoveel studie-uren nodig zijn
help-transitions-rank-by = De volgorde: combined (verwantschap, bijgesteld naar bereikbaarheid), relatedness, reachability, hours of cost
value-transitions-rank-by-combined = Verwantschap, bijgesteld naar bereikbaarheid
value-transitions-rank-by-relatedness = Hoezeer de gevraagde vaardigheden op elkaar lijken
value-transitions-rank-by-reachability = Wat er nodig is om er te komen (uren, stap in NLQF-niveau, tekort aan mensen)
value-transitions-rank-by-hours = Zo weinig mogelijk geschatte studie-uren
value-transitions-rank-by-cost = Zo laag mogelijke geschatte kosten
help-transitions-json = Schrijf JSON: een lijst van {"{"}occupation, label, score, relatedness, reachability, ...{"}"}
help-transitions-dot = Schrijf de beroepen in de buurt als Graphviz DOT-graaf

about-route = De opleidingen die de kloof naar een doelberoep dichten, binnen de leerrechten
help-route-to = Het id van het doelberoep
help-route-scheme = Houd de leerroute binnen een regeling (standaard: geen grens)
help-route-optimise = Wat zo klein mogelijk moet zijn
help-route-max-nlqf = Het hoogste NLQF-niveau dat een opleiding mag hebben
help-route-include-important = Leer ook belangrijke (niet alleen essentiële) vaardigheden die ontbreken
help-route-json = Schrijf JSON: {"{"}offers, total_hours, total_cost_eur, uncovered, within_budget, ...{"}"}

about-rights = Het budget aan leerrechten van een persoon
help-rights-age = Leeftijd in jaren (hoogstens 120, zoals in een profiel)
help-rights-nlqf = Hoogst behaalde NLQF-niveau, 1–8; 0 (of `nlqf` weglaten in een profiel) betekent geen, dus geen startkwalificatie
help-rights-used-eur = Al gebruikt leerbudget, in euro's (`12,50` of `12.50`)
help-rights-json = Schrijf JSON: {"{"}lifetime_eur, available_eur, available_hours, ...{"}"} onder de leerrechten

about-profile = Profielen: `vaardig profile new` maakt een eerste profiel uit de tekst van een cv (zie docs/profile.md)

about-profile-new = Maak een eerste profiel uit de tekst van een cv: elke genoemde vaardigheid, het beroep, de leeftijd en het niveau
help-profile-new-text = De tekst van het cv (of gebruik --file)
help-profile-new-file = Lees de tekst van het cv uit BESTAND (`-`: standaardinvoer)
help-profile-new-age = De leeftijd van de persoon
help-profile-new-nlqf = Hoogst behaalde NLQF-niveau, 1–8, of 0 voor geen
help-profile-new-current = Het huidige beroep, met id of naam (standaard: het eerste beroep dat de tekst noemt)
help-profile-new-evidence = Het bewijs voor elke gevonden vaardigheid
value-profile-new-evidence-self-declared = De persoon zegt het zelf (de standaard: een adviseur heeft het nog niet nagegaan)
value-profile-new-evidence-work-experience = Werkervaring
value-profile-new-evidence-diploma = Een diploma
help-profile-new-out = Schrijf het profiel naar BESTAND (in zijn geheel of helemaal niet; een bestaand bestand vraagt --force) in plaats van naar standaarduitvoer

about-serve = Bied de HTTP-API aan (opzoeken zoals bij ESCO, de vragen van vaardig) en de pagina voor adviseurs
help-serve-addr = Het adres waarop wordt geluisterd
help-serve-also = Nog een versie van de ontologie naast de standaardversie, als NAAM=MAP (herhaalbaar); een client kiest haar met `?version=NAAM`
help-serve-max-body = De grootste inhoud van een verzoek, in bytes
help-serve-max-in-flight = Zoveel verzoeken tegelijk; de rest krijgt 429
help-serve-timeout-ms = Hoe lang één antwoord mag duren, in milliseconden

about-import = Lees een gepubliceerde taxonomie (SKOS/Turtle, ESCO-CSV, O*NET, Tabiya) of Parquet-tabellen in en schrijf haar in het eigen formaat

about-import-skos = Lees SKOS of RDF zoals bij CompetentNL (Turtle `.ttl`, N-Triples `.nt`, N-Quads `.nq`)
help-import-skos-files = De RDF-bestanden; het formaat volgt uit de extensie
help-import-skos-mapping = Een bestand met de vertaling van de velden, of een ingebouwde: `competentnl` (standaard) of `esco`
help-import-skos-partial = De bestanden zijn een deel van een grotere graaf (een uittreksel, één bestand van meer): relaties naar bronnen die ze niet beschrijven worden overgeslagen en geteld, niet afgewezen
help-import-skos-default-kind = Het soort concept dat de terugvalklassen van de koppeling maken (`skos:Concept` zonder specifiekere klasse), bijvoorbeeld `occupation` voor een schema met alleen beroepen; standaard dat van de koppeling zelf (`skill` in de CompetentNL-koppeling)
help-import-skos-keep-not-current = Importeer ook historische en gearchiveerde begrippen (de inhoudsstatus van CompetentNL), met hun status, in plaats van ze weg te laten
help-import-skos-json = Schrijf het importverslag als JSON naar standaarduitvoer

about-import-esco = Lees de CSV-download van ESCO (indeling v1.1 / v1.2), met meer talen samengevoegd
help-import-esco-dirs = Mappen met de CSV-tabellen van ESCO, op volgorde doorzocht (bijvoorbeeld de Engelse uitgave, dan een map met `occupations_nl.csv`)
help-import-esco-json = Schrijf het importverslag als JSON naar standaarduitvoer

about-import-onet = Lees de tekstbestanden van de O*NET-database (`db_29_1_text/`): beroepen, vaardigheden, kennis, bekwaamheden, werkactiviteiten en werkstijlen met belang en niveau (en hun gepubliceerde getallen), technologische vaardigheden, taken, functienamen, job zones en verwante beroepen
help-import-onet-dir = De map met de tekstbestanden van O*NET (`Occupation Data.txt`, `Skills.txt`, ...)
help-import-onet-essential-from = Belang (IM, 1-5) vanaf waar een eis essentieel is
help-import-onet-important-from = Belang vanaf waar een eis belangrijk is
help-import-onet-optional-from = Belang vanaf waar een element überhaupt een (optionele) eis is
help-import-onet-json = Schrijf het importverslag als JSON naar standaarduitvoer

about-import-tabiya = Lees de CSV-bestanden van de taxonomie van Tabiya (vaardigheden, beroepen ook de lokale, groepen, hiërarchieën, relaties met signaalwaarden)
help-import-tabiya-dir = De map met de CSV-bestanden van Tabiya (`skills.csv`, `occupations.csv`, ...)
help-import-tabiya-json = Schrijf het importverslag als JSON naar standaarduitvoer
help-import-tabiya-history-mapping = Schrijf de id-koppeling uit de UUID-geschiedenis (vroegere UUID → huidige id) als koppelbestand voor `vaardig diff OUD NIEUW --mapping BESTAND`
help-import-tabiya-history-for = Houd in de koppeling uit de UUID-geschiedenis alleen de paren die deze oudere ontologie kan gebruiken (haar id's, één paar per concept), zodat `vaardig diff OUD NIEUW --mapping` het bestand zo aanneemt

about-import-parquet = Lees een Parquet-map van `vaardig export --format parquet` terug (of dezelfde tabellen geschreven door pandas, Polars of Spark, ongecomprimeerd of met Snappy); een foute waarde stopt alles met bestand, regel en kolom, en er wordt niets geschreven
help-import-parquet-dir = De map met `manifest.parquet`, `concepts.parquet`, `labels.parquet` en `relations.parquet`

about-config = De instellingen van de scores: `vaardig config --defaults` toont elk gewicht als TOML
help-config-defaults = Toon de standaardinstellingen (elk gewicht met zijn waarde) als TOML

about-eval = Meet de rangschikkingen aan een waarheid, naast eenvoudige vergelijkingsmethoden

about-eval-transitions = Rangschik de overstappen vanuit elk vertrekpunt van een waarheid; P@k, recall@k, MRR en nDCG per methode
help-eval-transitions-truth = De waarheden (herhaalbaar). Standaard: `handwritten` bij de ingebouwde ontologie, `isco` en `hierarchy` bij een andere
value-eval-transitions-truth-handwritten = De met de hand geschreven Nederlandse overstappen van de ingebouwde ontologie (met redenen)
value-eval-transitions-truth-isco = Beroepen in dezelfde ISCO-08-beroepsgroep; de rangschikking ziet geen ISCO-codes
value-eval-transitions-truth-hierarchy = Ouder, kinderen en broers en zussen in de beroepenhiërarchie; de rangschikking ziet geen hiërarchie
help-eval-transitions-truth-file = In plaats daarvan een bestand met de waarheid (TSV: from, to, plausible|implausible, reden…)
help-eval-transitions-k = De grens k van P@k, recall@k en nDCG@k
help-eval-transitions-every = Gebruik alleen elk N-de vertrekpunt (1: alle)
help-eval-transitions-json = Schrijf JSON (één verslag per waarheid) in plaats van Markdown-tabellen

about-diff = Wat er veranderde tussen twee versies van een ontologie, en wat dat met de rangschikkingen doet
help-diff-old = De oude versie: een ontologiemap
help-diff-new = De nieuwe versie: een ontologiemap
help-diff-profiles = Meet het effect op de rangschikking voor deze profielen (een JSON-lijst, of JSON Lines)
help-diff-sample = Zonder --profiles: meet het effect op N profielen, gekozen uit de beroepen van de oude versie (0: geen deel over het effect)
help-diff-top = Vergelijk zoveel beroepen bovenaan per profiel
help-diff-mapping = Paren oud → nieuw id die worden toegepast (CSV met de kolommen old_id,new_id)
help-diff-write-mapping = Schrijf de opgegeven en voorgestelde koppelingen van id's als CSV, om na te kijken en terug te geven met --mapping
help-diff-no-propose = Stel geen koppelingen voor bij veranderde id's
help-diff-accept = Pas voorgestelde koppelingen toe vanaf deze zekerheid (0–1)
help-diff-svg = Schrijf het histogram van de rangveranderingen als SVG (met --profiles of --sample)
help-diff-exit-code = Sluit af met code 1 als de versies verschillen

about-report = Een kwaliteitsrapport van één versie van een ontologie
help-report-dir = De ontologiemap (standaard: `--ontology`, anders de ingebouwde ontologie)
help-report-few-essential = Toon beroepen met minder essentiële vaardigheden dan dit aantal
