# The command line's own words: headings, table headers and status words (English).

## advice
heading-transitions = Occupations within reach
heading-gap = Gap to the target occupation
heading-rights = Learning rights
heading-route = Learning route

## gap
gap-title = { $occupation } ({ $id }): fit { $score }, essential skills fully held { $essential }
status-missing = missing
status-partial = partly
status-covered = held
status-discuss = to discuss
col-status = status
col-skill = skill
col-importance = importance
col-level = level
col-credit = credit
col-contribution = contribution
col-via = via
importance-essential = essential
importance-important = important
importance-optional = optional
level-short = holds level { $held }, { $asked } asked

## occupations
from-occupation = from { $occupation } ({ $id })
col-number = #
col-occupation = occupation
col-id = id
col-score = score
col-related = related
col-reachable = reachable
col-coverage = fit
col-hours = hours
col-shortage = shortage
col-to-learn = to learn (essential)
col-entry = entry requirements
yes = yes
shown = { $shown } of { $considered } occupations shown.
entry-on-route = route
entry-to-apply = apply
entry-missing = missing

## route
route-title = route to { $occupation } ({ $id })
col-offer = offer
col-eur = EUR
col-nlqf = NLQF
col-closes = closes
route-total = total: { $hours } hours, { $cost }
budget-available = { $scheme }: { $available } available, { $fit }
budget-fits = fits the budget
budget-offers-fit = the offers fit the budget
budget-fits-not = does not fit the budget
route-no-offer = no offer: { $skills }
route-not-fitted = does not fit the scheme: { $skills }
col-requirement = entry requirement
col-standing = status
col-how = how
granted-on = on the grounds of { $qualification }
units-on-route = { $count ->
    [one] 1 unit on the route
   *[other] { $count } units on the route
}

## learning rights
rights-weeks-per-year = study weeks per year
rights-years = years accrued
rights-lifetime = whole life
rights-accrued = accrued
rights-used = used
rights-available = available
rights-available-weeks = available (study weeks)
col-amount = amount

## stats and show
stats-concepts = concepts
stats-count = count
stats-relations = relations
stats-skills = skills
stats-knowledge-areas = knowledge areas
stats-occupations = occupations
stats-occupation-tasks = occupation tasks
stats-qualifications = qualifications
stats-learning-offers = learning offers
stats-sectors = sectors
stats-occupation-skill-links = occupation–skill links
stats-language = language
stats-pref-labels = preferred labels
stats-with-synonyms = with synonyms
stats-depth = hierarchy depth: { $depth }
show-synonyms = synonyms
show-level = level { $level }
show-relation = relation
show-label = label
show-type = type
show-min-nlqf = minimum NLQF level: { $level }
show-by = by
show-hours-short = h
show-shortage-sector = shortage sector
no = no

## diff and report
diff-change = change
diff-added = concepts added
diff-removed = concepts removed
diff-remapped = ids mapped
diff-suggested = mappings suggested
diff-relabelled = relabelled
diff-synonyms = synonyms changed
diff-definitions = definitions changed
diff-attributes = attributes changed
diff-moved = moved
diff-relations-added = relations added
diff-relations-removed = relations removed
diff-relations-reweighted = relations re-weighted
diff-impact = impact on { $profiles } profiles: mean top-{ $k } overlap { $overlap } %, mean Kendall τ-b { $tau }, mean |Δgap| { $gap }
diff-more = (--markdown for the full report, --json for every change)
report-check = check
report-unrequired = skills no occupation requires
report-few-essential = occupations with few essential skills
report-offers-nothing = offers teaching nothing
report-offers-nothing-required = offers teaching nothing required
report-isolated = isolated concepts
report-preferred = preferred
report-synonyms = synonyms
report-definition = definition
report-more = (--markdown for the full report, --json for every list)

## search and extract tables
col-kind = kind
col-label = label
col-lang = language
col-span = span
col-text = text
