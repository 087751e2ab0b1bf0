# The words of the Markdown reports (English). Whole numbers given as numbers are grouped
# (1,234); shares and decimals come formatted.

## every table
table-more = … and { $count } more (the JSON output lists them all).
col-id = id
col-kind = kind
col-label = label
col-relations = relations
col-count = count
col-share = share
none = –

## concept and relation kinds
kind-skill = skill
kind-knowledge_area = knowledge_area
kind-occupation = occupation
kind-occupation_task = occupation_task
kind-qualification = qualification
kind-learning_offer = learning_offer
kind-sector = sector
relation-broader = broader
relation-related = related
relation-requires = requires
relation-has_task = has_task
relation-covers = covers
relation-teaches = teaches
relation-part_of = part_of
relation-prerequisite = prerequisite
relation-in_sector = in_sector
relation-requires_qualification = requires_qualification

## quality report
quality-title = Quality report: { $name } { $version }
quality-intro = { $name } ({ $date }): { $concepts ->
    [one] { $concepts } concept
   *[other] { $concepts } concepts
}, { $relations ->
    [one] { $relations } relation
   *[other] { $relations } relations
}.
quality-findings = Findings
col-check = check
check-unrequired = skills no occupation requires
check-few-essential = occupations with fewer essential skills than the threshold
check-offers-nothing = learning offers that teach nothing
check-offers-nothing-required = learning offers that teach only skills no occupation requires
check-isolated = isolated concepts (no relation at all)
quality-contents = Contents
col-concept-kind = concept kind
col-concepts = concepts
col-relation-kind = relation kind
quality-labels = Labels
quality-labels-note = Share of all concepts with a preferred label, at least one synonym, a definition.
col-language = language
col-preferred = preferred
col-synonyms = synonyms
col-definition = definition
col-missing-preferred = missing preferred
col-synonyms-per-concept = synonyms per concept (mean / median / max)
quality-pref-by-kind = Preferred labels by concept kind:
quality-hierarchies = Hierarchies
col-hierarchy = hierarchy
col-roots = roots
col-leaves = leaves
col-unplaced = unplaced
col-depth = depth median / max
col-fan-out = fan-out median / max
hierarchy-capabilities = capabilities
hierarchy-occupations = occupations
quality-shape = { $hierarchy } — depth and fan-out
col-depth-levels = depth (levels)
col-narrower = narrower concepts
col-parents = parents
list-unrequired = Skills no occupation requires
list-unrequired-note = Most connected first: these are taught, covered or placed in the hierarchy, but no occupation asks for them.
few-essential-title = { $threshold ->
    [one] Occupations with fewer than { $threshold } essential skill ({ $count })
   *[other] Occupations with fewer than { $threshold } essential skills ({ $count })
}
few-essential-note = Fewest first.
col-occupation = occupation
col-essential = essential
col-all-requirements = all requirements
list-offers-nothing = Learning offers that teach nothing
list-offers-nothing-required = Learning offers that teach only skills no occupation requires
list-offers-nothing-required-note = Their skills are unknown to the labour market side of the taxonomy.
list-isolated = Isolated concepts
list-isolated-note = No relation of any kind.

## diff report
diff-title = Taxonomy diff: { $old } → { $new }
diff-old = Old
diff-new = New
diff-version = { $version } ({ $date }): { $concepts } concepts, { $relations } relations
diff-no-changes = No changes: both versions have the same concepts, labels and relations.
diff-summary = Summary
col-change = change
sum-added = concepts added
sum-removed = concepts removed
sum-remapped = concepts with a new id (mapped)
sum-suggested = id mappings suggested, not applied
sum-relabelled = concepts relabelled
sum-synonyms = concepts with synonyms changed
sum-definitions = concepts with definitions changed
sum-attributes = concepts with attributes changed
sum-moved = concepts moved in the hierarchy
sum-relations-added = relations added
sum-relations-removed = relations removed
sum-relations-reweighted = relations re-weighted
diff-concepts-by-kind = Concepts by kind
diff-relations-by-kind = Relations by kind
col-old = old
col-new = new
col-added = added
col-removed = removed
col-new-id = new id
col-changed = changed
col-relation = relation
col-reweighted = re-weighted
mapping-title = Id mapping
mapping-note = Concepts whose id changed, matched by a supplied mapping or proposed from labels (similarity of the preferred labels) and structure (share of neighbours in common). Proposals at or above the acceptance threshold are applied; the others stay added and removed until confirmed in a mapping file (`--write-mapping`, `--mapping`).
col-old-id = old id
col-confidence = confidence
col-labels = labels
col-neighbours = neighbours
col-source = source
source-supplied = supplied
source-proposed = proposed
mapping-suggested = Suggested, for review
mapping-suggested-note = Most likely first.
mapping-applied = Applied
mapping-applied-note = Least certain first.
concepts-removed = Removed concepts
concepts-added = Added concepts
most-connected-first = Most connected first.
relabelled-title = Relabelled
relabelled-note = Preferred labels, most different first.
col-lang = lang
col-old-label = old label
col-new-label = new label
requirements-title = Occupations whose requirements changed most
requirements-note = Skill links (`requires`) added, removed or re-weighted per occupation, most changes first; "essential ±" counts links that became or stopped being essential.
col-essential-plus = essential +
col-essential-minus = essential −
reweighted-title = Re-weighted relations
reweighted-note = Importance, level, the source's numbers, tier or rank changed; the largest shifts first (optional ↔ essential before smaller steps).
col-from = from
col-to = to
importance-essential = essential
importance-important = important
importance-optional = optional
level = level { $level }
moved-title = Moved in the hierarchy
moved-note = Concepts with a different broader concept; those with the most narrower concepts (the largest branches) first.
top-level = – (top level)
mark-removed = removed
mark-new = new
col-narrower-count = narrower
col-old-broader = old broader
col-new-broader = new broader
synonyms-title = Synonyms changed
synonyms-note = Most synonyms changed first.
definitions-title = Definitions changed
definitions-note = Most different first; texts shortened.
attributes-title = Attributes changed
col-attribute = attribute

## ranking impact
impact-title = Ranking impact
impact-intro = Transitions of { $profiles } profiles ranked in both versions; top { $k } compared, rankings to depth { $depth }.
col-measure = measure
col-value = value
impact-overlap = mean top-{ $k } overlap
impact-tau = mean Kendall τ-b (top { $k } of both)
impact-gap = mean absolute gap-score change
impact-same = profiles with the same top { $k }
impact-where = Where the old top { $k } went
impact-where-note = Places moved by each occupation of each profile's old top { $k } ("out": removed, or below rank { $depth }).
impact-chart = Histogram of rank changes
col-rank-change = rank change
col-entries = entries
impact-occupations = Occupations most affected
impact-occupations-note = How often an occupation entered or left a profile's top { $k }, and the mean change of the gap score of the profiles measured against it.
col-entered = entered
col-left = left
col-mean-gap = mean gap Δ
impact-profiles = Profiles most affected
impact-profiles-note = Lowest top-{ $k } overlap first.
col-profile = profile
col-overlap = overlap
col-tau = τ-b
col-mean-abs-gap = mean abs gap Δ
col-ids-lost = ids lost
bin-out = out
bin-same = same
bin-up = up
bin-down = down
rank = rank { $rank }
