//! Answer columns handed to pyarrow as raw Arrow buffers: one bytes object per buffer, no Python
//! object per value, so a million rows cost a few copies, not a million allocations. Nullable
//! columns carry a validity bitmap (Arrow's LSB-first bit order).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use crate::error;

/// A pyarrow array of type `ty` over raw buffers; `validity` is the bitmap, `None` when no
/// value is null.
fn from_buffers<'py>(
    py: Python<'py>,
    pa: &Bound<'py, PyModule>,
    ty: &str,
    len: usize,
    validity: Option<&[u8]>,
    buffers: &[&[u8]],
) -> PyResult<Bound<'py, PyAny>> {
    let mut list: Vec<Bound<'py, PyAny>> = Vec::with_capacity(buffers.len() + 1);
    list.push(match validity {
        Some(bits) => pa.call_method1("py_buffer", (PyBytes::new(py, bits),))?,
        None => py.None().into_bound(py),
    });
    for b in buffers {
        list.push(pa.call_method1("py_buffer", (PyBytes::new(py, b),))?);
    }
    pa.getattr("Array")?.call_method1(
        "from_buffers",
        (pa.call_method0(ty)?, len, PyList::new(py, list)?),
    )
}

/// The validity bitmap of `present`, or `None` when every value is there.
fn bitmap(present: impl ExactSizeIterator<Item = bool>) -> Option<Vec<u8>> {
    let mut bits = vec![0u8; present.len().div_ceil(8)];
    let mut all = true;
    for (i, p) in present.enumerate() {
        if p {
            bits[i / 8] |= 1 << (i % 8);
        } else {
            all = false;
        }
    }
    (!all).then_some(bits)
}

/// A `float64` array without nulls.
pub fn f64_array<'py>(
    py: Python<'py>,
    pa: &Bound<'py, PyModule>,
    v: &[f64],
) -> PyResult<Bound<'py, PyAny>> {
    let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_ne_bytes()).collect();
    from_buffers(py, pa, "float64", v.len(), None, &[&bytes])
}

/// A `float64` array, `None` as null.
pub fn opt_f64_array<'py>(
    py: Python<'py>,
    pa: &Bound<'py, PyModule>,
    v: &[Option<f64>],
) -> PyResult<Bound<'py, PyAny>> {
    let bytes: Vec<u8> = v
        .iter()
        .flat_map(|x| x.unwrap_or(0.0).to_ne_bytes())
        .collect();
    let valid = bitmap(v.iter().map(Option::is_some));
    from_buffers(py, pa, "float64", v.len(), valid.as_deref(), &[&bytes])
}

/// An `int64` array without nulls.
pub fn i64_array<'py>(
    py: Python<'py>,
    pa: &Bound<'py, PyModule>,
    v: &[i64],
) -> PyResult<Bound<'py, PyAny>> {
    let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_ne_bytes()).collect();
    from_buffers(py, pa, "int64", v.len(), None, &[&bytes])
}

/// An `int64` array, `None` as null.
pub fn opt_i64_array<'py>(
    py: Python<'py>,
    pa: &Bound<'py, PyModule>,
    v: &[Option<i64>],
) -> PyResult<Bound<'py, PyAny>> {
    let bytes: Vec<u8> = v
        .iter()
        .flat_map(|x| x.unwrap_or(0).to_ne_bytes())
        .collect();
    let valid = bitmap(v.iter().map(Option::is_some));
    from_buffers(py, pa, "int64", v.len(), valid.as_deref(), &[&bytes])
}

/// The offsets and bytes of a `string` array; more than 2 GiB of text in one column is refused.
fn string_buffers<'a>(
    py: Python<'_>,
    name: &str,
    v: impl ExactSizeIterator<Item = &'a str>,
) -> PyResult<(Vec<u8>, Vec<u8>)> {
    let mut offsets: Vec<u8> = Vec::with_capacity((v.len() + 1) * 4);
    let mut data: Vec<u8> = Vec::new();
    offsets.extend_from_slice(&0i32.to_ne_bytes());
    for s in v {
        data.extend_from_slice(s.as_bytes());
        let end = i32::try_from(data.len()).map_err(|_| {
            error::invalid(
                py,
                format!(
                    "column `{name}` of the answer exceeds 2 GiB: ask about fewer profiles per call"
                ),
            )
        })?;
        offsets.extend_from_slice(&end.to_ne_bytes());
    }
    Ok((offsets, data))
}

/// A `string` array without nulls.
pub fn string_array<'py>(
    py: Python<'py>,
    pa: &Bound<'py, PyModule>,
    name: &str,
    v: &[String],
) -> PyResult<Bound<'py, PyAny>> {
    let (offsets, data) = string_buffers(py, name, v.iter().map(String::as_str))?;
    from_buffers(py, pa, "string", v.len(), None, &[&offsets, &data])
}

/// A `string` array, `None` as null.
pub fn opt_string_array<'py>(
    py: Python<'py>,
    pa: &Bound<'py, PyModule>,
    name: &str,
    v: &[Option<String>],
) -> PyResult<Bound<'py, PyAny>> {
    let (offsets, data) = string_buffers(py, name, v.iter().map(|s| s.as_deref().unwrap_or("")))?;
    let valid = bitmap(v.iter().map(Option::is_some));
    from_buffers(
        py,
        pa,
        "string",
        v.len(),
        valid.as_deref(),
        &[&offsets, &data],
    )
}

/// A `pyarrow.Table` of `arrays` named `names` (the schema is the arrays' types, also when
/// there are no rows).
pub fn table<'py>(
    py: Python<'py>,
    pa: &Bound<'py, PyModule>,
    names: &[&str],
    arrays: Vec<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("names", PyList::new(py, names)?)?;
    pa.getattr("Table")?
        .call_method("from_arrays", (PyList::new(py, arrays)?,), Some(&kwargs))
}
