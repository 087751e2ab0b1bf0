//! Atomic outputs: every file or directory vaardig writes appears whole or not at all.
//!
//! Output is written into a temporary sibling of the target (`.NAME.vaardig-tmp.PID.N`, in the
//! same directory, so the final rename never crosses a filesystem), every file is fsynced, and
//! only then is it renamed into place. An interrupted or failed write leaves the old output
//! intact, or no output when there was none; a failed write removes its temporary sibling.
//!
//! Before anything is written, the target is checked against an [`OutputPolicy`]:
//!
//! - the filesystem root, a path equal to or inside one of the command's inputs, or a path that
//!   contains an input is refused;
//! - a symbolic link is never written through (a link to a device or pipe, such as
//!   `/dev/stdout`, is written directly, as any device is);
//! - existing output is replaced only with [`OutputPolicy::force`]; a non-empty directory that
//!   is not vaardig output (it lacks the marker file, e.g. `ontology.toml`) is refused even then.
//!
//! Replacing a directory takes two renames (old → `.NAME.vaardig-old.PID.N`, new → `NAME`);
//! a failure between them renames the old one back. A crash exactly between them leaves no
//! output at `NAME` and the old output, whole, in the `.vaardig-old` sibling.
//!
//! [`OutputPolicy::fail_after`] injects a failure after a number of steps (file creations,
//! writes of at most [`CHUNK`] bytes, fsyncs, renames) so tests can kill a write at every point.
//!
//! ```
//! use std::io::Write;
//! use vaardig_core::io::{AtomicDir, AtomicFile, OutputPolicy};
//!
//! let base = std::env::temp_dir().join(format!("vaardig-atomic-doc-{}", std::process::id()));
//! let _ = std::fs::remove_dir_all(&base);
//! std::fs::create_dir_all(&base)?;
//!
//! // A directory of tables, recognised later as ours by its `ontology.toml`.
//! let mut dir = AtomicDir::create(base.join("out"), "ontology.toml", &OutputPolicy::new())?;
//! dir.write_file("ontology.toml", b"name = \"x\"\n")?;
//! dir.commit()?;
//! // Writing it again needs `force`.
//! assert!(AtomicDir::create(base.join("out"), "ontology.toml", &OutputPolicy::new()).is_err());
//!
//! // One file.
//! let mut file = AtomicFile::create(base.join("report.json"), &OutputPolicy::new())?;
//! file.write_all(b"{}\n")?;
//! file.commit()?;
//! assert_eq!(std::fs::read(base.join("report.json"))?, b"{}\n");
//! # std::fs::remove_dir_all(&base)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Files are written in pieces of at most this many bytes; each is one fault-injection step.
pub const CHUNK: usize = 64 * 1024;

/// What a write may replace and where it must never go.
#[derive(Debug, Clone, Default)]
pub struct OutputPolicy {
    force: bool,
    inputs: Vec<PathBuf>,
    fault: Option<Fault>,
    limits: crate::io::Limits,
}

/// An injected failure (see [`OutputPolicy::fail_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fault {
    after: u64,
    crash: bool,
}

impl OutputPolicy {
    /// Replace nothing that exists, no inputs to protect.
    pub fn new() -> Self {
        Self::default()
    }

    /// The loading limits the output must stay within, so that what is written can be read
    /// back (default [`crate::io::Limits::default`]).
    #[must_use]
    pub fn limits(mut self, limits: crate::io::Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The loading limits the output must stay within.
    pub fn table_limits(&self) -> &crate::io::Limits {
        &self.limits
    }

    /// Whether existing vaardig output may be replaced (the CLI's `--force`).
    #[must_use]
    pub fn force(mut self, force: bool) -> Self {
        self.force = force;
        self
    }

    /// An input of the command: the output may not be it, lie inside it or contain it.
    #[must_use]
    pub fn input(mut self, path: impl Into<PathBuf>) -> Self {
        self.inputs.push(path.into());
        self
    }

    /// Several inputs (see [`OutputPolicy::input`]).
    #[must_use]
    pub fn inputs<P: Into<PathBuf>>(mut self, paths: impl IntoIterator<Item = P>) -> Self {
        self.inputs.extend(paths.into_iter().map(Into::into));
        self
    }

    /// For crash tests: fail with an I/O error once `steps` steps have succeeded. With `crash`,
    /// also skip every clean-up and roll-back, leaving the disk as a process killed at that
    /// point would.
    #[must_use]
    pub fn fail_after(mut self, steps: u64, crash: bool) -> Self {
        self.fault = Some(Fault {
            after: steps,
            crash,
        });
        self
    }
}

/// Why a write was refused before anything was written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refusal {
    /// The target is the filesystem root.
    Root,
    /// The target is, lies inside, or contains this input.
    Input(PathBuf),
    /// The target exists and `force` was not given.
    Exists,
    /// The target is a non-empty directory without the marker of vaardig output.
    NotOurs {
        /// The file vaardig output would have.
        marker: &'static str,
    },
    /// The target is a symbolic link.
    Symlink,
    /// A directory was expected and something else is there, or the other way round.
    WrongType {
        /// What is there: `a file`, `a directory`.
        found: &'static str,
    },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Root => f.write_str("it is the filesystem root"),
            Refusal::Input(input) => write!(
                f,
                "it is, lies inside or contains the input {}",
                input.display()
            ),
            Refusal::Exists => f.write_str("it already exists; pass --force to replace it"),
            Refusal::NotOurs { marker } => write!(
                f,
                "it is a non-empty directory that is not vaardig output (no {marker}); \
                 vaardig never replaces such a directory"
            ),
            Refusal::Symlink => {
                f.write_str("it is a symbolic link, and vaardig never writes through links")
            }
            Refusal::WrongType { found } => write!(f, "{found} is in the way"),
        }
    }
}

/// A write that was refused or failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The target was refused before anything was written.
    #[error("refusing to write {}: {reason}", path.display())]
    Refused {
        /// The target.
        path: PathBuf,
        /// Why.
        reason: Refusal,
    },
    /// An I/O step failed; the old output (if any) is intact.
    #[error("cannot {action} {}", path.display())]
    Io {
        /// What was being done: `create`, `write`, `sync`, `rename`...
        action: &'static str,
        /// The file or directory it was done to.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The output could not be loaded back (a limit of the reader), so it was not written.
    #[error(
        "{file}: {what} has {size} {unit}, over the limit of {limit} {unit} for loading (`io::Limits`); nothing written"
    )]
    TooLarge {
        /// The file it would have gone to.
        file: String,
        /// What was too large (the manifest, a field of a concept, a table).
        what: String,
        /// Its size, in `unit`.
        size: usize,
        /// The limit, in `unit`.
        limit: usize,
        /// What `size` and `limit` count: `bytes` or `rows`.
        unit: &'static str,
    },
}

impl OutputError {
    /// The target, for refusals and I/O errors.
    pub fn path(&self) -> Option<&Path> {
        match self {
            OutputError::Refused { path, .. } | OutputError::Io { path, .. } => Some(path),
            OutputError::TooLarge { .. } => None,
        }
    }
}

impl From<OutputError> for io::Error {
    fn from(e: OutputError) -> io::Error {
        let kind = match &e {
            OutputError::Io { source, .. } => source.kind(),
            _ => io::ErrorKind::Other,
        };
        io::Error::new(kind, e)
    }
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError + use<> {
    let path = path.to_path_buf();
    move |source| OutputError::Io {
        action,
        path,
        source,
    }
}

/// Counts steps and fails where the policy's fault says.
#[derive(Debug)]
struct Steps {
    done: u64,
    fault: Option<Fault>,
    crashed: bool,
}

impl Steps {
    fn new(fault: Option<Fault>) -> Self {
        Steps {
            done: 0,
            fault,
            crashed: false,
        }
    }

    fn step(&mut self) -> io::Result<()> {
        if let Some(f) = self.fault
            && self.done >= f.after
        {
            self.crashed |= f.crash;
            return Err(io::Error::other("injected fault"));
        }
        self.done += 1;
        Ok(())
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A sibling of `target` named `.NAME.vaardig-KIND.PID.N`.
fn sibling(target: &Path, kind: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.vaardig-{kind}.{}.{n}", std::process::id()))
}

/// `path` made absolute with every existing part resolved (symbolic links in the parent
/// directories are followed; the last part is kept as written).
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Drop `.` and fold `..` lexically first, so `a/..` cannot hide the root or an input.
    let mut clean = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    let Some(name) = clean.file_name().map(ToOwned::to_owned) else {
        return Ok(clean);
    };
    let mut parent = clean.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut rest = Vec::new();
    loop {
        match parent.canonicalize() {
            Ok(p) => {
                let mut out = p;
                out.extend(rest.iter().rev());
                out.push(name);
                return Ok(out);
            }
            Err(_) => match (parent.file_name().map(ToOwned::to_owned), parent.parent()) {
                (Some(last), Some(up)) => {
                    rest.push(last);
                    parent = up.to_path_buf();
                }
                _ => return Ok(clean),
            },
        }
    }
}

/// The checks common to files and directories: root, inputs.
fn check_place(target: &Path, policy: &OutputPolicy) -> Result<(), OutputError> {
    let refused = |reason| OutputError::Refused {
        path: target.to_path_buf(),
        reason,
    };
    let resolved = resolve(target).map_err(io_err("resolve", target))?;
    if resolved.parent().is_none() || resolved.file_name().is_none() {
        return Err(refused(Refusal::Root));
    }
    for input in &policy.inputs {
        let Ok(input_resolved) = resolve(input) else {
            continue;
        };
        let input_resolved = input_resolved.canonicalize().unwrap_or(input_resolved);
        if resolved.starts_with(&input_resolved) || input_resolved.starts_with(&resolved) {
            return Err(refused(Refusal::Input(input.clone())));
        }
    }
    Ok(())
}

/// A directory being written; it replaces the target on [`AtomicDir::commit`], and vanishes
/// when dropped uncommitted.
#[derive(Debug)]
pub struct AtomicDir {
    target: PathBuf,
    tmp: PathBuf,
    replaces: bool,
    steps: Steps,
    done: bool,
}

impl AtomicDir {
    /// Checks `target` against `policy` and starts writing a temporary sibling. `marker` is the
    /// file that marks a directory as vaardig output (it must be among the files written).
    ///
    /// # Errors
    /// [`OutputError::Refused`] when the policy refuses the target; [`OutputError::Io`] when
    /// the temporary directory cannot be made.
    pub fn create(
        target: impl AsRef<Path>,
        marker: &'static str,
        policy: &OutputPolicy,
    ) -> Result<Self, OutputError> {
        let target = target.as_ref().to_path_buf();
        check_place(&target, policy)?;
        let refused = |reason| OutputError::Refused {
            path: target.clone(),
            reason,
        };
        let replaces = match fs::symlink_metadata(&target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => false,
            Err(e) => return Err(io_err("inspect", &target)(e)),
            Ok(m) if m.file_type().is_symlink() => return Err(refused(Refusal::Symlink)),
            Ok(m) if !m.is_dir() => return Err(refused(Refusal::WrongType { found: "a file" })),
            Ok(_) => {
                let mut entries = fs::read_dir(&target).map_err(io_err("read", &target))?;
                let empty = entries.next().is_none();
                if !empty {
                    let ours = fs::symlink_metadata(target.join(marker)).is_ok_and(|m| m.is_file());
                    if !ours {
                        return Err(refused(Refusal::NotOurs { marker }));
                    }
                    if !policy.force {
                        return Err(refused(Refusal::Exists));
                    }
                }
                true
            }
        };
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        }
        let mut steps = Steps::new(policy.fault);
        let tmp = sibling(&target, "tmp");
        steps.step().map_err(io_err("create", &tmp))?;
        fs::create_dir(&tmp).map_err(io_err("create", &tmp))?;
        Ok(AtomicDir {
            target,
            tmp,
            replaces,
            steps,
            done: false,
        })
    }

    /// The directory being written to (a temporary sibling of the target).
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Writes one file (a plain name, no separators) into the directory and fsyncs it.
    ///
    /// # Errors
    /// [`OutputError::Io`] naming the file; the name itself is refused when it is not plain.
    pub fn write_file(&mut self, name: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.tmp.join(name);
        if Path::new(name).components().count() != 1
            || !matches!(
                Path::new(name).components().next(),
                Some(Component::Normal(_))
            )
        {
            return Err(OutputError::Refused {
                path,
                reason: Refusal::WrongType {
                    found: "a name with a directory part",
                },
            });
        }
        self.steps.step().map_err(io_err("create", &path))?;
        // `create_new` never follows a symbolic link: the directory is our own, fresh one.
        let mut file = File::options()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io_err("create", &path))?;
        write_chunks(&mut file, bytes, &mut self.steps).map_err(io_err("write", &path))?;
        self.steps.step().map_err(io_err("sync", &path))?;
        file.sync_all().map_err(io_err("sync", &path))?;
        Ok(())
    }

    /// Puts the directory in place of the target (replacing the old output), durably.
    ///
    /// # Errors
    /// [`OutputError::Io`]; the old output is then back in place and the new one removed.
    pub fn commit(mut self) -> Result<(), OutputError> {
        sync_dir(&self.tmp, &mut self.steps)?;
        if !self.replaces {
            self.steps.step().map_err(io_err("rename", &self.target))?;
            fs::rename(&self.tmp, &self.target).map_err(io_err("rename", &self.target))?;
        } else {
            let old = sibling(&self.target, "old");
            self.steps.step().map_err(io_err("rename", &self.target))?;
            fs::rename(&self.target, &old).map_err(io_err("rename", &self.target))?;
            let swapped = self
                .steps
                .step()
                .and_then(|()| fs::rename(&self.tmp, &self.target));
            if let Err(e) = swapped {
                if !self.steps.crashed {
                    // Put the old output back; the temporary directory goes on drop.
                    let _ = fs::rename(&old, &self.target);
                }
                return Err(io_err("rename", &self.target)(e));
            }
            // The old output is no longer reachable by its name; failing to delete it only
            // leaves a hidden sibling behind.
            let _ = fs::remove_dir_all(&old);
        }
        self.done = true;
        sync_parent(&self.target)
    }
}

impl Drop for AtomicDir {
    fn drop(&mut self) {
        if !self.done && !self.steps.crashed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

fn write_chunks(out: &mut impl Write, bytes: &[u8], steps: &mut Steps) -> io::Result<()> {
    for chunk in bytes.chunks(CHUNK) {
        steps.step()?;
        out.write_all(chunk)?;
    }
    Ok(())
}

fn sync_dir(dir: &Path, steps: &mut Steps) -> Result<(), OutputError> {
    steps.step().map_err(io_err("sync", dir))?;
    // Directories can be opened for reading and fsynced on Unix; elsewhere this is a no-op.
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err("sync", dir))?;
    Ok(())
}

/// Makes the rename of `target` durable. This runs after the commit point (the new output is
/// in place), so it is not a fault-injection step.
fn sync_parent(target: &Path) -> Result<(), OutputError> {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    #[cfg(unix)]
    File::open(parent)
        .and_then(|d| d.sync_all())
        .map_err(io_err("sync", parent))?;
    Ok(())
}

/// One file being written; it replaces the target on [`AtomicFile::commit`], and vanishes when
/// dropped uncommitted. A device or pipe (`/dev/stdout`, a FIFO) is written directly, with
/// every error reported by `write` or `commit`.
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    /// The temporary sibling, `None` when writing a device directly.
    tmp: Option<PathBuf>,
    out: io::BufWriter<File>,
    steps: Steps,
    done: bool,
}

impl AtomicFile {
    /// Checks `target` against `policy` and starts writing a temporary sibling.
    ///
    /// # Errors
    /// [`OutputError::Refused`] when the policy refuses the target; [`OutputError::Io`] when
    /// the temporary file cannot be made.
    pub fn create(target: impl AsRef<Path>, policy: &OutputPolicy) -> Result<Self, OutputError> {
        let target = target.as_ref().to_path_buf();
        let refused = |reason| OutputError::Refused {
            path: target.clone(),
            reason,
        };
        let mut steps = Steps::new(policy.fault);
        // A device or a pipe (also through a link, as `/dev/stdout` is) is written directly.
        let device = fs::metadata(&target).is_ok_and(|m| !m.is_file() && !m.is_dir());
        if device {
            steps.step().map_err(io_err("open", &target))?;
            let file = File::options()
                .write(true)
                .open(&target)
                .map_err(io_err("open", &target))?;
            return Ok(AtomicFile {
                target,
                tmp: None,
                out: io::BufWriter::new(file),
                steps,
                done: false,
            });
        }
        check_place(&target, policy)?;
        match fs::symlink_metadata(&target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_err("inspect", &target)(e)),
            Ok(m) if m.file_type().is_symlink() => return Err(refused(Refusal::Symlink)),
            Ok(m) if m.is_dir() => {
                return Err(refused(Refusal::WrongType {
                    found: "a directory",
                }));
            }
            Ok(_) if !policy.force => return Err(refused(Refusal::Exists)),
            Ok(_) => {}
        }
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(io_err("create", parent))?;
        }
        let tmp = sibling(&target, "tmp");
        steps.step().map_err(io_err("create", &tmp))?;
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(io_err("create", &tmp))?;
        Ok(AtomicFile {
            target,
            tmp: Some(tmp),
            out: io::BufWriter::with_capacity(CHUNK, file),
            steps,
            done: false,
        })
    }

    /// Flushes, fsyncs and renames the file into place, durably.
    ///
    /// # Errors
    /// [`OutputError::Io`] naming the target; the old file is then intact.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let target = self.target.clone();
        self.steps.step().map_err(io_err("write", &target))?;
        self.out.flush().map_err(io_err("write", &target))?;
        let Some(tmp) = self.tmp.clone() else {
            self.done = true;
            return Ok(());
        };
        self.steps.step().map_err(io_err("sync", &tmp))?;
        self.out
            .get_ref()
            .sync_all()
            .map_err(io_err("sync", &tmp))?;
        self.steps.step().map_err(io_err("rename", &target))?;
        // Renaming replaces a file atomically, and replaces a link rather than writing
        // through it (links were refused above anyway).
        fs::rename(&tmp, &target).map_err(io_err("rename", &target))?;
        self.done = true;
        sync_parent(&target)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len().min(CHUNK);
        self.steps.step()?;
        self.out.write_all(&buf[..n])?;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        // Flushing the buffer is not durable; `commit` is. Still, report errors early.
        self.out.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(tmp) = &self.tmp
            && !self.done
            && !self.steps.crashed
        {
            let _ = fs::remove_file(tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Result = std::result::Result<(), Box<dyn std::error::Error>>;

    fn base(name: &str) -> io::Result<PathBuf> {
        let dir =
            std::env::temp_dir().join(format!("vaardig-atomic-unit-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    #[test]
    fn the_root_and_inputs_are_refused() -> Result {
        let b = base("inputs")?;
        let input = b.join("in");
        fs::create_dir_all(&input)?;
        let policy = OutputPolicy::new().input(&input);
        for target in [input.clone(), input.join("out"), b.clone(), "/".into()] {
            let refused = AtomicDir::create(&target, "m", &policy);
            assert!(
                matches!(refused, Err(OutputError::Refused { .. })),
                "{target:?}: {refused:?}"
            );
        }
        let sneaky = input.join("..").join("in").join("x");
        assert!(AtomicDir::create(sneaky, "m", &policy).is_err());
        fs::remove_dir_all(&b)?;
        Ok(())
    }

    #[test]
    fn a_dropped_write_leaves_nothing() -> Result {
        let b = base("drop")?;
        {
            let mut d = AtomicDir::create(b.join("out"), "m", &OutputPolicy::new())?;
            d.write_file("m", b"x")?;
        }
        assert_eq!(fs::read_dir(&b)?.count(), 0);
        {
            let mut f = AtomicFile::create(b.join("f"), &OutputPolicy::new())?;
            f.write_all(b"x")?;
        }
        assert_eq!(fs::read_dir(&b)?.count(), 0);
        fs::remove_dir_all(&b)?;
        Ok(())
    }

    #[test]
    fn names_with_directory_parts_are_refused() -> Result {
        let b = base("names")?;
        let mut d = AtomicDir::create(b.join("out"), "m", &OutputPolicy::new())?;
        for name in ["../x", "a/b", "/etc/passwd", ".."] {
            assert!(d.write_file(name, b"x").is_err(), "{name}");
        }
        drop(d);
        fs::remove_dir_all(&b)?;
        Ok(())
    }
}
