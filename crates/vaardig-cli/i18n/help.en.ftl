# The help of the command line (English): about texts of commands, help of arguments and
# possible values, and clap's own words. Keys: see src/help.rs.

## clap's own words
clap-usage = Usage
clap-options = Options
clap-global-options = Global options
clap-arguments = Arguments
clap-commands = Commands
clap-help = Print help
clap-version = Print version
clap-error = error
clap-tip = tip
clap-more-info = For more information, try '{ $help }'.
clap-help-command = Print this message or the help of the given subcommand(s)
clap-default = default
clap-possible-values = possible values
clap-values-heading = Possible values
name-options = OPTIONS
name-command = COMMAND
name-file = FILE
name-dir = DIR
name-id = ID
name-label = LABEL
name-level = LEVEL
name-occupation = OCCUPATION
name-occupation-id = OCCUPATION_ID
name-hours = HOURS
name-kind = KIND
name-langs = LANGS
name-lang = LANG
name-date = DATE
name-version = VERSION
name-query = QUERY
name-text = TEXT
name-files = FILES
name-dirs = DIRS
name-old = OLD
name-new = NEW
name-addr = ADDR
name-age = AGE
name-evidence = EVIDENCE
name-format = FORMAT
name-licence = LICENCE
name-limit = LIMIT
name-max-body = MAX_BODY
name-max-in-flight = MAX_IN_FLIGHT
name-name = NAME
name-optimise = OPTIMISE
name-out = OUT
name-rank-by = RANK_BY
name-scale = SCALE
name-scheme = SCHEME
name-n = N
name-seed = SEED
name-timeout-ms = TIMEOUT_MS
name-truth = TRUTH
name-name-dir = NAME=DIR

## shared argument help (a command-specific key wins)
help-age = The person's age (overrides the profile's; learning rights need it)
help-index = Keep the search index in DIR: built on first use, reused while the ontology is unchanged
help-json = Print JSON
help-lang = The language of the output and of this help (also VAARDIG_LANG): a BCP 47 tag such as nl, en or de-DE; labels are shown in it where the ontology has them, the other words are Dutch for Dutch and English for every other language
help-languages = Languages to import, comma separated, in preference order; the first that can label every concept becomes the primary language
help-licence = The licence in the manifest
help-markdown = Print a Markdown report
help-name = The ontology name in the manifest
help-nlqf = Highest completed NLQF level, 1–8, or 0 for none (overrides the profile's)
help-out = The directory to write the native ontology to: created whole, or (with `--force`) put in place of an earlier vaardig output; never a directory of other files
help-profile = The person's profile (JSON; see examples/profiles/)
help-quiet = No progress bar
help-release-date = The release date in the manifest (YYYY-MM-DD)
help-release-version = The release version in the manifest
help-report = Write the full import report (every diagnostic) as JSON to FILE
help-rows = At most this many rows per Markdown table
help-shortage-only = Only occupations in a shortage sector
help-skill = A skill the person holds, by id or label (repeatable; counted as self-declared)
help-strict = Fail (and write nothing) when any row or triple is rejected
value-lang-en = English
value-lang-nl = Dutch
value-optimise-cost = Fewest euros
value-optimise-hours = Fewest study hours
value-scheme-leerrechten = Individual learning rights
value-scheme-publiek-tot-mbo4 = Public funding up to NLQF 4

## commands and their arguments

about-vaardig = Match people, courses and occupations over a CompetentNL-style skills taxonomy
help-vaardig-ontology = Use the ontology in this directory (the native format, or the tables of `vaardig export --format parquet`) instead of the embedded default one
help-vaardig-config = Scoring weights from this TOML file (every field of `vaardig config --defaults`)
help-vaardig-force = Replace existing output (`--out`, `--report`, ...). Output is always written whole or not at all; without this flag, existing output is left alone
help-vaardig-no-cache = Load the ontology from its tables and build the search index afresh, reading and writing no snapshot or cached index (also `VAARDIG_NO_CACHE=1`). The cache lives in `$VAARDIG_CACHE_DIR`, else `$XDG_CACHE_HOME/vaardig` or `~/.cache/vaardig`

about-stats = Counts per concept and relation kind, label completeness, hierarchy depth

about-validate = Check an ontology directory; list errors and warnings with file:line
help-validate-dir = The ontology directory to check, native or Parquet tables (default: `--ontology`, else the embedded ontology)

about-show = Show one concept with its labels and relations
help-show-id = The concept id, e.g. `occ:verpleegkundige`

about-export = Write the whole ontology as JSON, Turtle (SKOS), native CSV tables or Parquet tables
help-export-format = The output format
value-export-format-json = One JSON document with `concepts` and `relations`
value-export-format-turtle = SKOS in Turtle
value-export-format-csv = The native format: ontology.toml plus CSV tables (needs `--out DIR`)
value-export-format-parquet = Parquet tables in long form for data teams: manifest, concepts (with full URIs and one column per attribute), labels (one row per label per language) and relations (needs `--out DIR`; read back with `vaardig import parquet`)
help-export-out = Where to write: a file (json, turtle) or a directory (csv, parquet); stdout when absent

about-generate = Write a seeded synthetic ontology (e.g. at ESCO scale) in the native format
help-generate-scale = How large
value-generate-scale-small = 500 skills, 100 occupations
value-generate-scale-esco = 14,000 skills, 3,000 occupations, 130,000 links, 500 qualifications, 10,000 offers
help-generate-seed = The random seed (same seed, same ontology)
help-generate-times = Multiply every size by N (16 for 16× ESCO)
help-generate-out = The directory to write

about-search = Find concepts by label, synonym or definition (Dutch and English, typo tolerant)
help-search-query = The query text: a label, synonym, partial word or typo, in Dutch or English
help-search-kind = Only concepts of this kind (repeatable): skill, occupation, qualification, offer, knowledge_area, occupation_task, sector
help-search-lang = Only labels in this language (default: both)
value-search-lang-nl = Dutch labels only
value-search-lang-en = English labels only
help-search-limit = At most this many hits per query
help-search-prefix = Autocomplete: labels that start with the text (or one of its later words or, in Dutch, a compound part); typo tolerant only when nothing starts with it
help-search-json = Print JSON: a list of {"{"}id, kind, label, lang, score{"}"}
help-search-batch = Answer one query per line of FILE (`-` for stdin); prints one JSON list per line (JSON Lines), in input order

about-extract = Find skill and occupation mentions in free text (a CV paragraph, a vacancy)
help-extract-text = The text to read (a CV paragraph, a vacancy)
help-extract-file = Read the text from FILE (`-` for stdin)
help-extract-json = Print JSON: a list of {"{"}id, kind, label, start, end, score, text{"}"}

about-advies = The whole advice for one person: transitions, gap, learning rights and course route
help-advies-to = The target occupation (default: the best-ranked transition)
help-advies-limit = How many transitions to list
help-advies-scheme = The funding scheme the route must fit
help-advies-optimise = What the route minimises
help-advies-json = Print JSON: {"{"}transitions, target, gap, entitlement, route{"}"}

about-gap = The gap between a person's profile and one occupation
help-gap-occupation = The occupation id, e.g. `occ:verkoopmedewerker`

about-transitions = Occupations within reach of a profile or an occupation, ranked and explained
help-transitions-from = Start from an occupation (an id or its full URI) instead of a person
help-transitions-batch = Many sources, one per line of FILE (`-`: standard input): an occupation id or URI, or a profile as one JSON object. Prints one JSON answer per line (the shape of `--json`), in input order; a bad line prints `{"{"}"line": N, "error": "..."{"}"}` and the exit code is 2
help-transitions-limit = At most this many occupations
help-transitions-sector = Only occupations in this sector (a sector id)
help-transitions-max-gap-hours = Only occupations whose estimated study hours are at most this many
help-transitions-rank-by = The order: combined (relatedness adjusted by reachability), relatedness, reachability, hours or cost
value-transitions-rank-by-combined = Relatedness adjusted by reachability
value-transitions-rank-by-relatedness = How alike the skill requirements are
value-transitions-rank-by-reachability = What it takes to get there (hours, NLQF step, shortage)
value-transitions-rank-by-hours = Fewest estimated study hours
value-transitions-rank-by-cost = Lowest estimated cost
help-transitions-json = Print JSON: a list of {"{"}occupation, label, score, relatedness, reachability, ...{"}"}
help-transitions-dot = Print the transition neighbourhood as a Graphviz DOT graph

about-route = The courses that close the gap to a target occupation, within learning rights
help-route-to = The target occupation id
help-route-scheme = Keep the route within a funding scheme (default: unconstrained)
help-route-optimise = What to minimise
help-route-max-nlqf = The highest NLQF level an offer may have
help-route-include-important = Also close gaps in important (not only essential) skills
help-route-json = Print JSON: {"{"}offers, total_hours, total_cost_eur, uncovered, within_budget, ...{"}"}

about-rights = A person's learning rights (leerrechten) budget
help-rights-age = Age in years (at most 120, as in a profile)
help-rights-nlqf = Highest completed NLQF level, 1–8; 0 (or leaving `nlqf` out of a profile) means none, no startkwalificatie
help-rights-used-eur = Learning budget already used, in euros (`12.50` or `12,50`)
help-rights-json = Print JSON: {"{"}lifetime_eur, available_eur, available_hours, ...{"}"} under learning rights

about-profile = Profiles: `vaardig profile new` drafts one from CV text (see docs/profile.md)

about-profile-new = Draft a profile from CV text: every skill mentioned, the occupation, age and level
help-profile-new-text = The CV text (or use --file)
help-profile-new-file = Read the CV text from FILE (`-`: standard input)
help-profile-new-age = The person's age
help-profile-new-nlqf = Highest completed NLQF level, 1–8, or 0 for none
help-profile-new-current = The current occupation, by id or label (default: the first one the text mentions)
help-profile-new-evidence = The evidence for every extracted skill
value-profile-new-evidence-self-declared = The person says so (the default: an adviser has not checked it yet)
value-profile-new-evidence-work-experience = Work experience
value-profile-new-evidence-diploma = A diploma
help-profile-new-out = Write the profile to FILE (whole or not at all; an existing file needs --force) instead of standard output

about-serve = Serve the HTTP API (ESCO-compatible lookup, vaardig's questions) and the adviser's page
help-serve-addr = The address to listen on
help-serve-also = Another ontology version to serve beside the default one, as NAME=DIR (repeatable); clients choose it with `?version=NAME`
help-serve-max-body = The largest request body, in bytes
help-serve-max-in-flight = Requests answered at once; more get 429
help-serve-timeout-ms = How long one answer may take, in milliseconds

about-import = Import a published taxonomy (SKOS/Turtle, ESCO CSV, O*NET, Tabiya) or Parquet tables into the native format

about-import-skos = Import SKOS / CompetentNL-style RDF (Turtle `.ttl`, N-Triples `.nt`, N-Quads `.nq`)
help-import-skos-files = The RDF files; the format follows the extension
help-import-skos-mapping = A mapping file, or a built-in mapping: `competentnl` (default) or `esco`
help-import-skos-partial = The files are part of a larger graph (an excerpt, one file of several): relations to resources they do not describe are skipped and counted, not rejected
help-import-skos-default-kind = The kind of concept the mapping's fallback classes make (`skos:Concept` without a more specific class), e.g. `occupation` for a scheme of occupations only; default: the mapping's own (`skill` in the CompetentNL mapping)
help-import-skos-keep-not-current = Import historical and archived concepts (CompetentNL's content status) with their status, instead of leaving them out
help-import-skos-json = Print the import report as JSON on stdout

about-import-esco = Import the ESCO CSV download (v1.1 / v1.2 layout), several languages merged
help-import-esco-dirs = Directories with the ESCO CSV tables, searched in order (e.g. the English release, then a folder with `occupations_nl.csv`)
help-import-esco-json = Print the import report as JSON on stdout

about-import-onet = Import the O*NET database text files (`db_29_1_text/`): occupations, skills, knowledge, abilities, work activities and work styles with importance and level (and their published numbers), technology skills, tasks, titles, job zones, related occupations
help-import-onet-dir = The directory with the O*NET text files (`Occupation Data.txt`, `Skills.txt`, ...)
help-import-onet-essential-from = Importance (IM, 1-5) from which a requirement is essential
help-import-onet-important-from = Importance from which a requirement is important
help-import-onet-optional-from = Importance from which an element is an (optional) requirement at all
help-import-onet-json = Print the import report as JSON on stdout

about-import-tabiya = Import Tabiya's taxonomy CSV files (skills, occupations incl. local ones, groups, hierarchies, relations with signalling values)
help-import-tabiya-dir = The directory with the Tabiya CSV files (`skills.csv`, `occupations.csv`, ...)
help-import-tabiya-json = Print the import report as JSON on stdout
help-import-tabiya-history-mapping = Write the id mapping of the UUID history (former UUID → current id) as a mapping file for `vaardig diff OLD NEW --mapping FILE`
help-import-tabiya-history-for = Keep in the history mapping only the pairs this older ontology can use (its ids, one pair per concept), so `vaardig diff OLD NEW --mapping` accepts the file as it is

about-import-parquet = Read back a Parquet directory of `vaardig export --format parquet` (or the same tables written by pandas, Polars or Spark, uncompressed or Snappy); any bad value fails with its file, row and column, and nothing is written
help-import-parquet-dir = The directory with `manifest.parquet`, `concepts.parquet`, `labels.parquet` and `relations.parquet`

about-config = The scoring configuration: `vaardig config --defaults` prints every weight as TOML
help-config-defaults = Print the default configuration (every weight, with its value) as TOML

about-eval = Measure the rankings against truths, beside plain baselines

about-eval-transitions = Rank transitions from every source of a truth; P@k, recall@k, MRR, nDCG per method
help-eval-transitions-truth = The truths (repeatable). Default: `handwritten` on the embedded ontology, `isco` and `hierarchy` on another
value-eval-transitions-truth-handwritten = The hand-written Dutch transitions of the embedded ontology (with reasons)
value-eval-transitions-truth-isco = Occupations in the same ISCO-08 unit group; the ranker sees no ISCO codes
value-eval-transitions-truth-hierarchy = Parent, children and siblings in the occupation hierarchy; the ranker sees no hierarchy
help-eval-transitions-truth-file = A truth file instead (TSV: from, to, plausible|implausible, reason…)
help-eval-transitions-k = The cut-off k of P@k, recall@k and nDCG@k
help-eval-transitions-every = Use every N-th source only (1: all)
help-eval-transitions-json = Print JSON (one report per truth) instead of Markdown tables

about-diff = What changed between two ontology versions, and how it moves rankings
help-diff-old = The old version: an ontology directory
help-diff-new = The new version: an ontology directory
help-diff-profiles = Measure the ranking impact on these profiles (a JSON array, or JSON Lines)
help-diff-sample = Without --profiles: measure the impact on N profiles sampled from the old version's occupations (0: no impact section)
help-diff-top = Compare this many top transitions per profile
help-diff-mapping = Old → new id pairs to apply (CSV with the columns old_id,new_id)
help-diff-write-mapping = Write the supplied and proposed id mappings as CSV, to review and pass back with --mapping
help-diff-no-propose = Do not propose mappings for changed ids
help-diff-accept = Apply proposed mappings at or above this confidence (0–1)
help-diff-svg = Write the rank-change histogram as SVG (with --profiles or --sample)
help-diff-exit-code = Exit with status 1 when the versions differ

about-report = A quality report for one ontology version
help-report-dir = The ontology directory (default: `--ontology`, else the embedded ontology)
help-report-few-essential = List occupations with fewer essential skills than this
