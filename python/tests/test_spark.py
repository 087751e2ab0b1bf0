"""``vaardig.spark.score_with_spark`` in pyspark local mode (``local[2]``) on 100,000 generated
profiles read from Parquet: the answers equal ``Ontology.score_profiles`` row for row."""

import os
import shutil
import subprocess
import sys
import time

import pytest

import vaardig

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from caseload import ROOT, caseload  # noqa: E402  (beside this file)

PROFILES = 100_000
LIMIT = 3


def java_available():
    """Why Spark cannot start here, or None when a Java runtime answers."""
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.path.exists(java):
        return "no Java runtime (set JAVA_HOME or put java on PATH)"
    try:
        subprocess.run([java, "-version"], check=True, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as e:
        return f"java -version failed: {e}"
    return None


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    reason = java_available()
    if reason:
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    # The workers run this interpreter, which has vaardig installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("vaardig-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "10000")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_equals_one_process_row_for_row(spark, tmp_path):
    from vaardig.spark import SCHEMA, score_with_spark

    table = caseload(PROFILES)
    pq.write_table(table, tmp_path / "caseload.parquet")

    start = time.perf_counter()
    expected = vaardig.Ontology.embedded().score_profiles(table, limit=LIMIT)
    one_process = time.perf_counter() - start

    start = time.perf_counter()
    df = spark.read.parquet(str(tmp_path / "caseload.parquet"))
    assert df.rdd.getNumPartitions() >= 1
    scored = score_with_spark(df, limit=LIMIT)
    got = scored.toArrow().sort_by([("person", "ascending"), ("rank", "ascending")])
    on_spark = time.perf_counter() - start
    print(f"\n{PROFILES} profiles: one process {one_process:.1f} s, spark local[2] {on_spark:.1f} s")

    assert [f.name for f in got.schema] == [f.name for f in expected.schema]
    assert scored.schema.simpleString() == "struct<" + SCHEMA.replace(" string", ":string").replace(
        " bigint", ":bigint"
    ).replace(" double", ":double").replace(", ", ",") + ">"
    # At most LIMIT each (a person with little in reach may get fewer).
    assert got.num_rows == expected.num_rows > 0.99 * LIMIT * PROFILES
    for field in expected.schema:
        mine = got.column(field.name).cast(field.type).combine_chunks()
        theirs = expected.column(field.name).combine_chunks()
        assert mine.equals(theirs), field.name


def test_a_bad_row_fails_the_spark_job_with_its_field(spark, tmp_path):
    from vaardig.spark import score_with_spark

    rows = caseload(10).to_pylist()
    rows[4]["skills"][0]["level"] = 7
    pq.write_table(pa.Table.from_pylist(rows, schema=caseload(1).schema), tmp_path / "bad.parquet")
    df = spark.read.parquet(str(tmp_path / "bad.parquet"))
    with pytest.raises(Exception) as e:
        score_with_spark(df).collect()
    assert "skills[0].level" in str(e.value) and "p000004" in str(e.value)


def test_the_module_imports_without_pyspark_in_use():
    # vaardig.spark is plain Python; only score_with_spark touches a DataFrame.
    check = "import sys, vaardig, vaardig.spark; assert 'pyspark' not in sys.modules"
    subprocess.run([sys.executable, "-c", check], check=True)
    import vaardig.spark as vs

    onto = vs.ontology()
    assert vs.ontology() is onto
    batches = list(vs.score_batches(iter(caseload(30).to_batches()), limit=2))
    assert sum(b.num_rows for b in batches) == 60


# --- taxonomy-version impact on Spark --------------------------------------------------------

#: Impact ranks every profile to depth 100 in both versions (the CLI's depth), about ten times
#: the work of scoring at limit 3: 20,000 profiles keep the test near two minutes.
IMPACT_PROFILES = 20_000


def test_impact_on_spark_equals_one_process_row_for_row(spark, tmp_path):
    from test_versions import make_next_version
    from vaardig.spark import IMPACT_SCHEMA, impact_with_spark

    before_dir = str(ROOT / "ontology")
    after_dir = str(make_next_version(tmp_path / "next"))
    table = caseload(IMPACT_PROFILES, seed=21)
    pq.write_table(table, tmp_path / "caseload.parquet")

    start = time.perf_counter()
    compared = vaardig.Ontology.load(before_dir).compare(vaardig.Ontology.load(after_dir))
    expected = compared.impact(table, top=10)
    one_process = time.perf_counter() - start

    start = time.perf_counter()
    df = spark.read.parquet(str(tmp_path / "caseload.parquet"))
    moved = impact_with_spark(df, before_dir, after_dir, top=10)
    got = moved.toArrow()
    on_spark = time.perf_counter() - start
    print(
        f"\nimpact of {IMPACT_PROFILES} profiles: one process {one_process:.1f} s, "
        f"spark local[2] {on_spark:.1f} s"
    )
    assert moved.schema.simpleString() == "struct<" + IMPACT_SCHEMA.replace(" string", ":string").replace(
        " bigint", ":bigint"
    ).replace(" double", ":double").replace(", ", ",") + ">"
    # A person's rows stay together and in order; people come in Spark's order: put them back
    # in input order (a stable sort keeps each person's rows as they came).
    order = {p: i for i, p in enumerate(table.column("person").to_pylist())}
    got = got.append_column(
        "_order", pa.array([order[p] for p in got.column("person").to_pylist()], pa.int64())
    )
    got = got.sort_by([("_order", "ascending")]).drop_columns(["_order"])
    assert got.num_rows == expected.num_rows > 5 * IMPACT_PROFILES
    for field in expected.schema:
        mine = got.column(field.name).cast(field.type).combine_chunks()
        theirs = expected.column(field.name).combine_chunks()
        assert mine.equals(theirs), field.name


def test_impact_batches_cache_the_comparison_per_process(tmp_path):
    from test_versions import make_next_version
    import vaardig.spark as vs

    after_dir = str(make_next_version(tmp_path / "next"))
    first = vs.comparison(None, after_dir)
    assert vs.comparison(None, after_dir) is first
    table = caseload(30)
    batches = list(vs.impact_batches(iter(table.to_batches(max_chunksize=7)), None, after_dir, top=5))
    expected = vaardig.Ontology.embedded().impact(vaardig.Ontology.load(after_dir), table, top=5)
    assert pa.Table.from_batches(batches).equals(expected)
