# De woorden van de Markdown-rapporten (Nederlands). Hele getallen die als getal worden
# meegegeven, krijgen een punt tussen de duizendtallen (1.234); aandelen en decimalen komen al
# opgemaakt binnen.

## elke tabel
table-more = … en nog { $count } (de JSON-uitvoer noemt ze allemaal).
col-id = id
col-kind = soort
col-label = naam
col-relations = relaties
col-count = aantal
col-share = aandeel
none = –

## soorten begrippen en relaties
kind-skill = vaardigheid
kind-knowledge_area = kennisgebied
kind-occupation = beroep
kind-occupation_task = beroepstaak
kind-qualification = kwalificatie
kind-learning_offer = opleiding
kind-sector = sector
relation-broader = breder
relation-related = verwant
relation-requires = vraagt
relation-has_task = heeft taak
relation-covers = dekt
relation-teaches = leert
relation-part_of = deel van
relation-prerequisite = voorwaarde
relation-in_sector = in sector
relation-requires_qualification = vraagt kwalificatie

## kwaliteitsrapport
quality-title = Kwaliteitsrapport: { $name } { $version }
quality-intro = { $name } ({ $date }): { $concepts ->
    [one] { $concepts } begrip
   *[other] { $concepts } begrippen
}, { $relations ->
    [one] { $relations } relatie
   *[other] { $relations } relaties
}.
quality-findings = Bevindingen
col-check = controle
check-unrequired = vaardigheden die geen enkel beroep vraagt
check-few-essential = beroepen met minder essentiële vaardigheden dan de drempel
check-offers-nothing = opleidingen die niets leren
check-offers-nothing-required = opleidingen die alleen vaardigheden leren die geen beroep vraagt
check-isolated = losse begrippen (zonder enige relatie)
quality-contents = Inhoud
col-concept-kind = soort begrip
col-concepts = begrippen
col-relation-kind = soort relatie
quality-labels = Namen
quality-labels-note = Aandeel van alle begrippen met een voorkeursnaam, met minstens één synoniem, met een omschrijving.
col-language = taal
col-preferred = voorkeursnaam
col-synonyms = synoniemen
col-definition = omschrijving
col-missing-preferred = zonder voorkeursnaam
col-synonyms-per-concept = synoniemen per begrip (gemiddeld / mediaan / hoogste)
quality-pref-by-kind = Voorkeursnamen per soort begrip:
quality-hierarchies = Hiërarchieën
col-hierarchy = hiërarchie
col-roots = bovenaan
col-leaves = onderaan
col-unplaced = nergens geplaatst
col-depth = diepte mediaan / hoogste
col-fan-out = smallere begrippen mediaan / hoogste
hierarchy-capabilities = vaardigheden en kennis
hierarchy-occupations = beroepen
quality-shape = { $hierarchy } — diepte en vertakking
col-depth-levels = diepte (niveaus)
col-narrower = smallere begrippen
col-parents = bredere begrippen
list-unrequired = Vaardigheden die geen enkel beroep vraagt
list-unrequired-note = Meest verbonden eerst: ze worden geleerd, gedekt of hebben een plaats in de hiërarchie, maar geen beroep vraagt erom.
few-essential-title = { $threshold ->
    [one] Beroepen met minder dan { $threshold } essentiële vaardigheid ({ $count })
   *[other] Beroepen met minder dan { $threshold } essentiële vaardigheden ({ $count })
}
few-essential-note = Minste eerst.
col-occupation = beroep
col-essential = essentieel
col-all-requirements = alle eisen
list-offers-nothing = Opleidingen die niets leren
list-offers-nothing-required = Opleidingen die alleen vaardigheden leren die geen beroep vraagt
list-offers-nothing-required-note = Geen beroep in de taxonomie vraagt om de vaardigheden die ze leren.
list-isolated = Losse begrippen
list-isolated-note = Zonder enige relatie.

## verschillenrapport
diff-title = Verschillen in de taxonomie: { $old } → { $new }
diff-old = Oud
diff-new = Nieuw
diff-version = { $version } ({ $date }): { $concepts ->
    [one] { $concepts } begrip
   *[other] { $concepts } begrippen
}, { $relations ->
    [one] { $relations } relatie
   *[other] { $relations } relaties
}
diff-no-changes = Geen veranderingen: beide versies hebben dezelfde begrippen, namen en relaties.
diff-summary = Samenvatting
col-change = verandering
sum-added = begrippen toegevoegd
sum-removed = begrippen verwijderd
sum-remapped = begrippen met een nieuw id (gekoppeld)
sum-suggested = voorgestelde koppelingen van id's, niet toegepast
sum-relabelled = begrippen met een nieuwe naam
sum-synonyms = begrippen met veranderde synoniemen
sum-definitions = begrippen met een veranderde omschrijving
sum-attributes = begrippen met veranderde kenmerken
sum-moved = begrippen verplaatst in de hiërarchie
sum-relations-added = relaties toegevoegd
sum-relations-removed = relaties verwijderd
sum-relations-reweighted = relaties met een ander gewicht
diff-concepts-by-kind = Begrippen per soort
diff-relations-by-kind = Relaties per soort
col-old = oud
col-new = nieuw
col-added = toegevoegd
col-removed = verwijderd
col-new-id = nieuw id
col-changed = veranderd
col-relation = relatie
col-reweighted = ander gewicht
mapping-title = Koppeling van id's
mapping-note = Begrippen met een ander id, gekoppeld door een opgegeven koppeling of voorgesteld op grond van de namen (hoe veel de voorkeursnamen op elkaar lijken) en de structuur (het aandeel gedeelde buren). Voorstellen vanaf de drempel worden toegepast; de andere blijven toegevoegd en verwijderd tot ze in een koppelingsbestand zijn bevestigd (`--write-mapping`, `--mapping`).
col-old-id = oud id
col-confidence = zekerheid
col-labels = namen
col-neighbours = buren
col-source = bron
source-supplied = opgegeven
source-proposed = voorgesteld
mapping-suggested = Voorgesteld, om na te kijken
mapping-suggested-note = Meest waarschijnlijke eerst.
mapping-applied = Toegepast
mapping-applied-note = Minst zekere eerst.
concepts-removed = Verwijderde begrippen
concepts-added = Toegevoegde begrippen
most-connected-first = Meest verbonden eerst.
relabelled-title = Nieuwe namen
relabelled-note = Voorkeursnamen, meest verschillend eerst.
col-lang = taal
col-old-label = oude naam
col-new-label = nieuwe naam
requirements-title = Beroepen waarvan de eisen het meest veranderden
requirements-note = Koppelingen met vaardigheden (`requires`) per beroep toegevoegd, verwijderd of met een ander gewicht, meeste veranderingen eerst; "essentieel ±" telt de koppelingen die essentieel werden of het niet meer zijn.
col-essential-plus = essentieel +
col-essential-minus = essentieel −
reweighted-title = Relaties met een ander gewicht
reweighted-note = Belang, niveau, de getallen van de bron, laag of rang veranderd; de grootste verschuivingen eerst (optioneel ↔ essentieel vóór kleinere stappen).
col-from = van
col-to = naar
importance-essential = essentieel
importance-important = belangrijk
importance-optional = optioneel
level = niveau { $level }
moved-title = Verplaatst in de hiërarchie
moved-note = Begrippen met een ander breder begrip; die met de meeste smallere begrippen (de grootste takken) eerst.
top-level = – (bovenaan)
mark-removed = verwijderd
mark-new = nieuw
col-narrower-count = smallere
col-old-broader = oud breder begrip
col-new-broader = nieuw breder begrip
synonyms-title = Veranderde synoniemen
synonyms-note = Meeste veranderde synoniemen eerst.
definitions-title = Veranderde omschrijvingen
definitions-note = Meest verschillend eerst; teksten ingekort.
attributes-title = Veranderde kenmerken
col-attribute = kenmerk

## effect op de rangschikking
impact-title = Effect op de rangschikking
impact-intro = Beroepen binnen bereik van { $profiles ->
    [one] { $profiles } profiel
   *[other] { $profiles } profielen
} in beide versies gerangschikt; de bovenste { $k } vergeleken, rangschikkingen tot plaats { $depth }.
col-measure = maat
col-value = waarde
impact-overlap = gemiddelde overlap van de bovenste { $k }
impact-tau = gemiddelde Kendall τ-b (bovenste { $k } van beide)
impact-gap = gemiddelde absolute verandering van de kloofscore
impact-same = profielen met dezelfde bovenste { $k }
impact-where = Waar de oude bovenste { $k } bleven
impact-where-note = Aantal plaatsen dat elk beroep uit de oude bovenste { $k } van elk profiel verschoof ("eruit": verwijderd, of lager dan plaats { $depth }).
impact-chart = Histogram van de verschuivingen in de rangschikking
col-rank-change = verschuiving
col-entries = keer
impact-occupations = Beroepen met de grootste verandering
impact-occupations-note = Hoe vaak een beroep in de bovenste { $k } van een profiel kwam of eruit viel, en de gemiddelde verandering van de kloofscore van de profielen die ermee werden vergeleken.
col-entered = erin
col-left = eruit
col-mean-gap = gemiddelde Δ kloof
impact-profiles = Profielen met de grootste verandering
impact-profiles-note = Laagste overlap van de bovenste { $k } eerst.
col-profile = profiel
col-overlap = overlap
col-tau = τ-b
col-mean-abs-gap = gemiddelde absolute Δ kloof
col-ids-lost = verloren id's
bin-out = eruit
bin-same = gelijk
bin-up = omhoog
bin-down = omlaag
rank = rang { $rank }
