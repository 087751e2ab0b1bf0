# De woorden van de opdrachtregel: kopjes, tabelkoppen en statuswoorden (Nederlands).

## advies
heading-transitions = Beroepen binnen bereik
heading-gap = Kloof naar het doelberoep
heading-rights = Leerrechten
heading-route = Leerroute

## kloof
gap-title = { $occupation } ({ $id }): aansluiting { $score }, essentieel volledig { $essential }
status-missing = ontbreekt
status-partial = deels
status-covered = aanwezig
status-discuss = te bespreken
col-status = status
col-skill = vaardigheid
col-importance = belang
col-level = niveau
col-credit = krediet
col-contribution = bijdrage
col-via = via
importance-essential = essentieel
importance-important = belangrijk
importance-optional = optioneel
level-short = heeft niveau { $held }, gevraagd { $asked }

## beroepen
from-occupation = vanuit { $occupation } ({ $id })
col-number = #
col-occupation = beroep
col-id = id
col-score = score
col-related = verwant
col-reachable = bereikbaar
col-coverage = aansluiting
col-hours = uren
col-shortage = tekort
col-to-learn = te leren (essentieel)
col-entry = toelatingseisen
yes = ja
shown = { $shown } van { $considered } beroepen getoond.
entry-on-route = route
entry-to-apply = aanvragen
entry-missing = ontbreekt

## route
route-title = route naar { $occupation } ({ $id })
col-offer = aanbod
col-eur = EUR
col-nlqf = NLQF
col-closes = sluit
route-total = totaal: { $hours } uur, { $cost }
budget-available = { $scheme }: { $available } beschikbaar, { $fit }
budget-fits = past binnen het budget
budget-offers-fit = de cursussen passen binnen het budget
budget-fits-not = past niet binnen het budget
route-no-offer = geen aanbod: { $skills }
route-not-fitted = past niet in de regeling: { $skills }
col-requirement = toelatingseis
col-standing = stand
col-how = hoe
granted-on = op grond van { $qualification }
units-on-route = { $count ->
    [one] 1 onderdeel op de route
   *[other] { $count } onderdelen op de route
}

## leerrechten
rights-weeks-per-year = studieweken per jaar
rights-years = jaren opgebouwd
rights-lifetime = heel het leven
rights-accrued = opgebouwd
rights-used = gebruikt
rights-available = beschikbaar
rights-available-weeks = beschikbaar (studieweken)
col-amount = bedrag

## stats en show
stats-concepts = begrippen
stats-count = aantal
stats-relations = relaties
stats-skills = vaardigheden
stats-knowledge-areas = kennisgebieden
stats-occupations = beroepen
stats-occupation-tasks = beroepstaken
stats-qualifications = kwalificaties
stats-learning-offers = leeraanbod
stats-sectors = sectoren
stats-occupation-skill-links = koppelingen beroep–vaardigheid
stats-language = taal
stats-pref-labels = voorkeurslabels
stats-with-synonyms = met synoniemen
stats-depth = diepte van de hiërarchie: { $depth }
show-synonyms = synoniemen
show-level = niveau { $level }
show-relation = relatie
show-label = label
show-type = soort
show-min-nlqf = minimaal NLQF-niveau: { $level }
show-by = van
show-hours-short = uur
show-shortage-sector = tekortsector
no = nee

## diff en report
diff-change = verandering
diff-added = begrippen toegevoegd
diff-removed = begrippen verwijderd
diff-remapped = id's gekoppeld
diff-suggested = koppelingen voorgesteld
diff-relabelled = nieuwe naam
diff-synonyms = synoniemen veranderd
diff-definitions = omschrijvingen veranderd
diff-attributes = kenmerken veranderd
diff-moved = verplaatst
diff-relations-added = relaties toegevoegd
diff-relations-removed = relaties verwijderd
diff-relations-reweighted = relaties met een ander gewicht
diff-impact = effect op { $profiles ->
    [one] { $profiles } profiel
   *[other] { $profiles } profielen
}: gemiddelde overlap van de bovenste { $k } { $overlap } %, gemiddelde Kendall τ-b { $tau }, gemiddelde |Δ kloof| { $gap }
diff-more = (--markdown voor het hele rapport, --json voor elke verandering)
report-check = controle
report-unrequired = vaardigheden die geen enkel beroep vraagt
report-few-essential = beroepen met weinig essentiële vaardigheden
report-offers-nothing = opleidingen die niets leren
report-offers-nothing-required = opleidingen die niets leren wat een beroep vraagt
report-isolated = losse begrippen
report-preferred = voorkeursnaam
report-synonyms = synoniemen
report-definition = omschrijving
report-more = (--markdown voor het hele rapport, --json voor elke lijst)

## search and extract tables
col-kind = soort
col-label = benaming
col-lang = taal
col-span = positie
col-text = tekst
