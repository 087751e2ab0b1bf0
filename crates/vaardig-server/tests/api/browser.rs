//! The adviser's page in a real headless Chromium, driven over the DevTools protocol: CV text →
//! skill chips → transitions → gap and route → the print sheet, in Dutch and in English.
//!
//! Runs when Chromium is installed (the build script sets `cfg(chromium)`); marked ignored with
//! the reason otherwise. With `VAARDIG_SCREENSHOTS=1` the screenshots are written to
//! `docs/screenshots/` (as committed and shown in the README), else to a temporary directory.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const CV: &str = "Acht jaar kassamedewerker in een supermarkt. Ik werk klantgericht, \
    bedien de kassa en reken af, beantwoord klantvragen en vul vakken. \
    Ik spreek Nederlands en werk nauwkeurig volgens procedures.";

/// Chromium with a DevTools connection to one page; killed on drop.
struct Browser {
    child: Child,
    ws: WebSocket<TcpStream>,
    next_id: u64,
    _profile: TempDir,
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One GET to Chromium's DevTools HTTP endpoint (which keeps the connection open, so the body
/// is read by its length).
fn http_get(port: u16, path: &str) -> Result<String, Box<dyn std::error::Error>> {
    let c = TcpStream::connect(("127.0.0.1", port))?;
    c.set_read_timeout(Some(Duration::from_secs(10)))?;
    (&c).write_all(format!("GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n").as_bytes())?;
    let mut reader = BufReader::new(c);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case("content-length")
        {
            length = v.trim().parse()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(String::from_utf8(body)?)
}

impl Browser {
    fn launch() -> Result<Browser, Box<dyn std::error::Error>> {
        let profile =
            TempDir(std::env::temp_dir().join(format!("vaardig-chromium-{}", std::process::id())));
        let mut child = Command::new(env!("VAARDIG_CHROMIUM_PATH"))
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--window-size=1000,1400",
            ])
            .arg(format!("--user-data-dir={}", profile.0.display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (tx, rx) = std::sync::mpsc::channel();
        // Read stderr to its end on a thread (so Chromium never blocks on a full pipe) and pass
        // on the DevTools port.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("ws://127.0.0.1:").nth(1)
                    && let Some(p) = rest.split('/').next().and_then(|p| p.parse::<u16>().ok())
                {
                    let _ = tx.send(p);
                }
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(30))
            .map_err(|_| "chromium printed no DevTools address")?;
        let list: Value = serde_json::from_str(&http_get(port, "/json/list")?)?;
        let url = list
            .as_array()
            .and_then(|l| l.iter().find(|t| t["type"] == "page"))
            .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            .ok_or("no page target")?
            .to_owned();
        let stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        let (ws, _) = tungstenite::client(url.as_str(), stream)?;
        Ok(Browser {
            child,
            ws,
            next_id: 0,
            _profile: profile,
        })
    }

    /// Sends one DevTools command and returns its result (events in between are skipped).
    fn call(&mut self, method: &str, params: Value) -> Result<Value, Box<dyn std::error::Error>> {
        self.next_id += 1;
        let id = self.next_id;
        self.ws.send(Message::text(
            json!({"id": id, "method": method, "params": params}).to_string(),
        ))?;
        loop {
            let msg = self.ws.read()?;
            let Message::Text(text) = msg else { continue };
            let v: Value = serde_json::from_str(text.as_str())?;
            if v["id"].as_u64() == Some(id) {
                if let Some(e) = v.get("error") {
                    return Err(format!("{method}: {e}").into());
                }
                return Ok(v["result"].clone());
            }
        }
    }

    /// Evaluates JavaScript (awaiting promises) and returns its value.
    fn eval(&mut self, js: &str) -> Result<Value, Box<dyn std::error::Error>> {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": js, "returnByValue": true, "awaitPromise": true}),
        )?;
        if let Some(e) = r.get("exceptionDetails") {
            return Err(format!("{js}: {e}").into());
        }
        Ok(r["result"]["value"].clone())
    }

    /// Waits until `js` is true.
    fn wait_for(&mut self, js: &str) -> TestResult {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.eval(js)? == Value::Bool(true) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let status = self.eval("document.getElementById('status').textContent")?;
        Err(format!("timed out waiting for {js} (status: {status})").into())
    }

    fn screenshot(&mut self, name: &str) -> TestResult {
        let r = self.call(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true}),
        )?;
        let png =
            data_encoding::BASE64.decode(r["data"].as_str().unwrap_or_default().as_bytes())?;
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let dir = if std::env::var_os("VAARDIG_SCREENSHOTS").is_some() {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots")
        } else {
            std::env::temp_dir().join("vaardig-screenshots")
        };
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(name), png)?;
        Ok(())
    }
}

/// Serves the router on a free port of 127.0.0.1 from a background runtime.
fn start_server()
-> Result<(std::net::SocketAddr, tokio::runtime::Runtime), Box<dyn std::error::Error>> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
    let addr = listener.local_addr()?;
    let app = super::app();
    rt.spawn(async move { axum::serve(listener, app).await });
    Ok((addr, rt))
}

#[test]
#[cfg_attr(
    not(chromium),
    ignore = "needs a headless Chromium (apt install chromium)"
)]
fn the_whole_adviser_flow_in_dutch_and_english() -> TestResult {
    let (addr, _rt) = start_server()?;
    let mut b = Browser::launch()?;
    b.call("Page.enable", json!({}))?;
    b.call("Page.navigate", json!({"url": format!("http://{addr}/")}))?;
    b.wait_for("document.readyState === 'complete' && !!document.getElementById('cv')")?;
    assert_eq!(b.eval("document.documentElement.lang")?, "nl");
    assert_eq!(
        b.eval("document.getElementById('h-cv').textContent")?,
        "1. Vaardigheden"
    );

    // CV text → chips with their evidence.
    b.eval(&format!("document.getElementById('cv').value = {}; document.getElementById('extract').click(); true", json!(CV)))?;
    b.wait_for("document.querySelectorAll('#chips li').length >= 3")?;
    let chips = b.eval("[...document.querySelectorAll('#chips li')].map(li => li.dataset.id)")?;
    assert!(
        chips
            .as_array()
            .is_some_and(|c| c.contains(&json!("skill:kassa-bedienen"))),
        "{chips}"
    );
    assert!(
        b.eval(
            "document.querySelector('#chips li .evidence').textContent.includes('gevonden als')"
        )? == Value::Bool(true)
    );
    // Every control in a chip has an accessible name.
    assert_eq!(b.eval("[...document.querySelectorAll('#chips select, #chips button')].every(e => e.getAttribute('aria-label'))")?, Value::Bool(true));
    // Edit a chip: level 3 on the first; remove the last.
    b.eval("const s = document.querySelector('#chips li select:nth-of-type(2)'); s.value = '3'; s.dispatchEvent(new Event('change')); true")?;
    let before = b
        .eval("document.querySelectorAll('#chips li').length")?
        .as_u64()
        .unwrap_or_default();
    b.eval("[...document.querySelectorAll('#chips li .remove')].pop().click(); true")?;
    assert_eq!(
        b.eval("document.querySelectorAll('#chips li').length")?
            .as_u64(),
        Some(before - 1)
    );

    // A licence held: typed and added through /suggest2?type=qualification, sent with the profile.
    b.eval("const q = document.getElementById('qual-input'); q.focus(); q.value = 'rijbewijs B'; q.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); true")?;
    b.wait_for("[...document.querySelectorAll('#quals li')].some(li => li.dataset.id === 'qual:rijbewijs-b')")?;

    // The person → ranked transitions with why.
    b.eval("document.getElementById('age').value = '34'; document.getElementById('nlqf').value = '1'; document.getElementById('advise').click(); true")?;
    b.wait_for("document.querySelectorAll('#transitions li').length > 0")?;
    assert_eq!(
        b.eval("document.querySelectorAll('#map line').length > 0")?,
        Value::Bool(true)
    );
    assert_eq!(
        b.eval("document.querySelector('#transitions li details dl') !== null")?,
        Value::Bool(true)
    );
    // Every transition says its entry requirements (or that there are none).
    assert_eq!(
        b.eval("[...document.querySelectorAll('#transitions li dl')].every(dl => dl.textContent.includes('Toelatingseisen'))")?,
        Value::Bool(true)
    );
    b.screenshot("transitions-nl.png")?;

    // Pick one → the gap table, the coverage bar and the route.
    b.eval("document.querySelector('#transitions li .choose').click(); true")?;
    b.wait_for("document.querySelectorAll('#advice table').length === 2")?;
    assert_eq!(b.eval("document.querySelector('#advice .bar').getAttribute('aria-label').startsWith('Essentiële vaardigheden')")?, Value::Bool(true));
    let rows = b.eval(
        "document.querySelectorAll('#advice table')[1].querySelectorAll('tbody tr').length",
    )?;
    assert!(
        rows.as_u64().is_some_and(|n| n >= 1),
        "the route has steps: {rows}"
    );
    b.screenshot("advies-nl.png")?;

    // The print sheet: the advice only.
    b.call("Emulation.setEmulatedMedia", json!({"media": "print"}))?;
    assert_eq!(
        b.eval("getComputedStyle(document.getElementById('transitions-section')).display")?,
        "none"
    );
    assert_eq!(
        b.eval("getComputedStyle(document.getElementById('h-cv').parentElement).display")?,
        "none"
    );
    assert_ne!(
        b.eval("getComputedStyle(document.getElementById('advice-section')).display")?,
        "none"
    );
    let pdf = b.call("Page.printToPDF", json!({}))?;
    let pdf = data_encoding::BASE64.decode(pdf["data"].as_str().unwrap_or_default().as_bytes())?;
    assert!(pdf.starts_with(b"%PDF"), "a printed PDF");
    b.screenshot("advies-print-nl.png")?;
    b.call("Emulation.setEmulatedMedia", json!({"media": ""}))?;

    // English: every text switches, the answers stay.
    b.eval("document.getElementById('lang-en').click(); true")?;
    assert_eq!(b.eval("document.documentElement.lang")?, "en");
    assert_eq!(
        b.eval("document.getElementById('h-advice').textContent")?,
        "4. Advice"
    );
    assert_eq!(
        b.eval("document.getElementById('lang-en').getAttribute('aria-pressed')")?,
        "true"
    );
    assert_eq!(b.eval("document.querySelector('#advice .bar').getAttribute('aria-label').startsWith('Essential skills')")?, Value::Bool(true));
    assert_eq!(
        b.eval("document.querySelectorAll('#advice table').length")?
            .as_u64(),
        Some(2)
    );
    b.screenshot("advies-en.png")?;

    // Keyboard: typing a skill and Enter adds it through /suggest2.
    b.eval("const i = document.getElementById('skill-input'); i.focus(); i.value = 'wondverzorging'; i.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); true")?;
    b.wait_for("[...document.querySelectorAll('#chips li')].some(li => li.dataset.id === 'skill:wondverzorging')")?;
    Ok(())
}
