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

from caseload import caseload  # noqa: E402  (beside this file)

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
