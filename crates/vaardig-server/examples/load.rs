//! A load generator for `vaardig serve`, and the library baseline it is measured against.
//!
//! ```sh
//! # the library alone, two threads, the same questions:
//! cargo run --example load -p vaardig-server -- library /tmp/esco 10
//! # saturation (closed loop, 32 connections, 10 s) and an open loop at a fixed rate (60 s):
//! cargo run --example load -p vaardig-server -- closed 127.0.0.1:8080 search 32 10
//! cargo run --example load -p vaardig-server -- open 127.0.0.1:8080 transitions 500 60 SERVER_PID
//! ```
//!
//! Questions: `/search?text=WORD&limit=10` over a fixed list of English words, and
//! `POST /transitions {"from": OCC, "limit": 10}` over the first occupations those words find.
//! The open loop sends on a fixed schedule and measures each latency from its scheduled time, so a
//! slow answer is not hidden by the requests it delays. With a pid it samples the server's
//! resident memory every second.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

const WORDS: &[&str] = &[
    "nurse",
    "welding",
    "accounting",
    "driver",
    "teacher",
    "cook",
    "software",
    "sales",
    "cleaning",
    "electrician",
    "customer service",
    "warehouse",
    "forklift",
    "care",
    "plumber",
    "marketing",
    "baker",
    "security",
    "translation",
    "carpentry",
];

type Error = Box<dyn std::error::Error + Send + Sync>;

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    async fn open(addr: &str) -> Result<Conn, Error> {
        let s = TcpStream::connect(addr).await?;
        s.set_nodelay(true)?;
        Ok(Conn {
            reader: BufReader::new(s),
        })
    }

    /// Sends one request and reads the answer; returns the status and the body.
    async fn send(&mut self, req: &[u8]) -> Result<(u16, Vec<u8>), Error> {
        self.reader.get_mut().write_all(req).await?;
        let mut line = String::new();
        self.reader.read_line(&mut line).await?;
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or("no status")?;
        let mut len = 0usize;
        loop {
            line.clear();
            self.reader.read_line(&mut line).await?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                len = v.trim().parse()?;
            }
        }
        let mut body = vec![0; len];
        self.reader.read_exact(&mut body).await?;
        Ok((status, body))
    }
}

fn get(path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nhost: load\r\n\r\n").into_bytes()
}

fn post(path: &str, body: &str) -> Vec<u8> {
    format!(
        "POST {path} HTTP/1.1\r\nhost: load\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The requests of one kind, built once.
async fn requests(addr: &str, kind: &str) -> Result<Vec<Vec<u8>>, Error> {
    if kind == "search" {
        return Ok(WORDS
            .iter()
            .map(|w| get(&format!("/search?text={}&limit=10", encode(w))))
            .collect());
    }
    let mut c = Conn::open(addr).await?;
    let mut out = Vec::new();
    for w in WORDS {
        let (_, body) = c
            .send(&get(&format!(
                "/search?text={}&type=occupation&limit=5",
                encode(w)
            )))
            .await?;
        let v: serde_json::Value = serde_json::from_slice(&body)?;
        for r in v["_embedded"]["results"]
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            if let Some(code) = r["code"].as_str() {
                out.push(post(
                    "/transitions",
                    &serde_json::json!({"from": code, "limit": 10}).to_string(),
                ));
            }
        }
    }
    Ok(out)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn rss_kib(pid: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
}

async fn closed(addr: String, kind: String, conns: usize, secs: u64) -> Result<(), Error> {
    let reqs = Arc::new(requests(&addr, &kind).await?);
    let done = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let end = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for i in 0..conns {
        let (addr, reqs, done, errors) = (addr.clone(), reqs.clone(), done.clone(), errors.clone());
        tasks.push(tokio::spawn(async move {
            let mut c = Conn::open(&addr).await?;
            let mut n = i;
            while Instant::now() < end {
                let (status, _) = c.send(&reqs[n % reqs.len()]).await?;
                if status == 200 {
                    done.fetch_add(1, Ordering::Relaxed);
                } else {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
                n += conns;
            }
            Ok::<(), Error>(())
        }));
    }
    for t in tasks {
        t.await??;
    }
    let n = done.load(Ordering::Relaxed);
    println!(
        "closed {kind}: {conns} connections, {secs} s: {:.0} answers/s, {} errors",
        n as f64 / secs as f64,
        errors.load(Ordering::Relaxed)
    );
    Ok(())
}

async fn open(
    addr: String,
    kind: String,
    rate: f64,
    secs: u64,
    pid: Option<String>,
) -> Result<(), Error> {
    let reqs = Arc::new(requests(&addr, &kind).await?);
    let pool = Arc::new(Mutex::new(Vec::<Conn>::new()));
    let latencies = Arc::new(Mutex::new(Vec::<f64>::new()));
    let errors = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let total = (rate * secs as f64) as u64;
    let interval = Duration::from_secs_f64(1.0 / rate);
    let mut memory = Vec::new();
    let mut next_sample = start;
    let mut tasks = Vec::new();
    for i in 0..total {
        let due = start + interval.mul_f64(i as f64);
        tokio::time::sleep_until(due.into()).await;
        if let Some(pid) = &pid
            && Instant::now() >= next_sample
        {
            memory.push(rss_kib(pid).unwrap_or_default());
            next_sample += Duration::from_secs(1);
        }
        let (addr, reqs, pool, latencies, errors) = (
            addr.clone(),
            reqs.clone(),
            pool.clone(),
            latencies.clone(),
            errors.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let conn = pool.lock().await.pop();
            let mut c = match conn {
                Some(c) => c,
                None => match Conn::open(&addr).await {
                    Ok(c) => c,
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        return;
                    }
                },
            };
            match c.send(&reqs[i as usize % reqs.len()]).await {
                Ok((200, _)) => {
                    latencies
                        .lock()
                        .await
                        .push(due.elapsed().as_secs_f64() * 1000.0);
                    pool.lock().await.push(c);
                }
                _ => {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
        if tasks.len() > 10_000 {
            tasks.retain(|t| !t.is_finished());
        }
    }
    for t in tasks {
        let _ = t.await;
    }
    let mut l = latencies.lock().await.clone();
    l.sort_by(f64::total_cmp);
    println!(
        "open {kind}: {rate} req/s for {secs} s: {} answered, {} errors, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        l.len(),
        errors.load(Ordering::Relaxed),
        percentile(&l, 0.5),
        percentile(&l, 0.99),
        l.last().copied().unwrap_or(f64::NAN)
    );
    if !memory.is_empty() {
        let mib = |k: u64| k as f64 / 1024.0;
        println!(
            "server RSS: first {:.0} MiB, max {:.0} MiB, last {:.0} MiB ({} samples)",
            mib(memory[0]),
            mib(memory.iter().copied().max().unwrap_or_default()),
            mib(*memory.last().unwrap_or(&0)),
            memory.len()
        );
    }
    Ok(())
}

fn library(dir: &str, secs: u64) -> Result<(), Error> {
    use vaardig_score::{Scorer, TransitionOptions};
    use vaardig_search::{ConceptKind, SearchOptions, Searcher};
    let ontology = vaardig_core::load_dir(std::path::Path::new(dir))
        .map_err(|e| e.to_string())?
        .ontology;
    let searcher = Searcher::new(&ontology)?;
    let scorer = Scorer::with_defaults(&ontology);
    let mut occs = Vec::new();
    for w in WORDS {
        for h in searcher.search(
            w,
            &SearchOptions {
                kinds: vec![ConceptKind::Occupation],
                limit: 5,
                ..SearchOptions::default()
            },
        ) {
            occs.push(h.id);
        }
    }
    // Build the occupation matrix once, as the server does on its first transitions request.
    let _ = scorer.transitions_from(
        &occs[0],
        &TransitionOptions {
            limit: Some(10),
            ..Default::default()
        },
    );
    for kind in ["search", "transitions"] {
        let done = AtomicU64::new(0);
        let end = Instant::now() + Duration::from_secs(secs);
        std::thread::scope(|s| {
            for t in 0..2 {
                let (searcher, scorer, occs, done) = (&searcher, &scorer, &occs, &done);
                s.spawn(move || {
                    let mut n = t;
                    while Instant::now() < end {
                        if kind == "search" {
                            // What GET /search does: every hit up to 1,000 (for `total`), one page kept.
                            let hits = searcher.search(
                                WORDS[n % WORDS.len()],
                                &SearchOptions {
                                    limit: 1000,
                                    ..SearchOptions::default()
                                },
                            );
                            std::hint::black_box(hits.len());
                        } else {
                            let r = scorer.transitions_from(
                                &occs[n % occs.len()],
                                &TransitionOptions {
                                    limit: Some(10),
                                    ..Default::default()
                                },
                            );
                            std::hint::black_box(r.map(|t| t.items.len()).unwrap_or_default());
                        }
                        done.fetch_add(1, Ordering::Relaxed);
                        n += 2;
                    }
                });
            }
        });
        println!(
            "library {kind}: 2 threads, {secs} s: {:.0} answers/s",
            done.load(Ordering::Relaxed) as f64 / secs as f64
        );
    }
    Ok(())
}

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| {
        args.get(i)
            .cloned()
            .ok_or_else(|| Error::from(format!("missing argument {i}; see the module docs")))
    };
    let rt = || {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
    };
    match arg(0)?.as_str() {
        "library" => library(&arg(1)?, arg(2)?.parse()?),
        "closed" => rt()?.block_on(closed(arg(1)?, arg(2)?, arg(3)?.parse()?, arg(4)?.parse()?)),
        "open" => rt()?.block_on(open(
            arg(1)?,
            arg(2)?,
            arg(3)?.parse()?,
            arg(4)?.parse()?,
            args.get(5).cloned(),
        )),
        other => Err(format!("unknown mode `{other}`: library, closed or open").into()),
    }
}
