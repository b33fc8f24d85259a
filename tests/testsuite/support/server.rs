//! A running `panduan serve` or `watch` for tests: its printed lines, plain HTTP
//! requests, and the live-reload WebSocket as an open tab has it. Shared by the
//! `serve` and `stress` tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;
use tungstenite::stream::MaybeTlsStream;

/// Generous: only there so that a broken server fails the test instead of hanging it.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A running `panduan serve` or `panduan watch`, stopped when dropped.
pub struct Running {
    pub child: Child,
    lines: mpsc::Receiver<String>,
    /// Everything printed so far (stdout and stderr), for failure messages.
    pub seen: Vec<String>,
    pub addr: String,
}

impl Running {
    pub fn start(dir: &Path, args: &[&str]) -> Running {
        Running::start_with(dir, args, &[])
    }

    /// [`Running::start`] with the environment variables `vars` set (`LANG`, say).
    pub fn start_with(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_panduan"))
            .args(args)
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", dir.join(".home-for-tests"))
            .envs(vars.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start panduan");
        let (tx, lines) = mpsc::channel();
        for stream in [
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        Running {
            child,
            lines,
            seen: Vec::new(),
            addr: String::new(),
        }
    }

    /// Starts `panduan serve --port 0` in `dir` and waits for the address it prints.
    pub fn serve(dir: &Path) -> Running {
        Running::serve_with(dir, &[])
    }

    /// [`Running::serve`] with the environment variables `vars` set.
    pub fn serve_with(dir: &Path, vars: &[(&str, &str)]) -> Running {
        let mut run = Running::start_with(dir, &["serve", "--port", "0"], vars);
        // "serving the handbook at http://…", in the language of the messages.
        let line = run.wait_for_line(|l| {
            l.starts_with("serving the handbook at ") || l.contains(" http://127.0.0.1:")
        });
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        run.addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        run
    }

    /// The editor's token, from the address `serve` prints on a line of its own
    /// (`http://…/?token=…`).
    pub fn token(&mut self) -> String {
        let line = self.wait_for_line(|l| l.starts_with("http://") && l.contains("?token="));
        line.rsplit_once("?token=")
            .map(|(_, t)| t.trim().to_string())
            .unwrap_or_default()
    }

    /// Waits for a printed line that satisfies `wanted`.
    pub fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if wanted(&line) {
                        return line;
                    }
                }
                Err(_) => panic!("no such line; output so far:\n{}", self.seen.join("\n")),
            }
        }
    }

    /// Everything the server printed so far, for failure messages.
    pub fn output(&mut self) -> String {
        self.seen.extend(self.lines.try_iter());
        self.seen.join("\n")
    }

    /// Fails unless the server is still running.
    pub fn assert_alive(&mut self) {
        let status = self.child.try_wait().expect("ask for the server's status");
        assert!(
            status.is_none(),
            "the server exited ({status:?}); output:\n{}",
            self.output()
        );
    }

    pub fn get(&self, path: &str) -> Response {
        get(&self.addr, path)
    }

    pub fn live(&self) -> Live {
        Live::connect(&self.addr)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Response {
    pub status: u16,
    pub headers: String,
    /// The body as text (invalid UTF-8 replaced).
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        self.body.clone()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// A plain HTTP/1.1 GET that sends `path` exactly as given (no normalisation).
pub fn get(addr: &str, path: &str) -> Response {
    request(addr, "GET", path, &[], b"")
}

/// A plain HTTP/1.1 request with `headers` (a `Host` naming `addr` is added unless
/// one is given) and `body`, sent exactly as given.
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method != "GET" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).expect("send request");
    stream.write_all(body).expect("send body");
    // Read the head, then as much body as Content-Length says (Chromium's DevTools
    // server keeps the connection open), or to the end.
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).expect("read response head");
        if n == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let (status_line, headers) = head.split_once("\r\n").unwrap_or((&head, ""));
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let length = headers.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case("content-length")
            .then(|| v.trim().parse::<usize>().ok())
            .flatten()
    });
    let mut body = Vec::new();
    match length {
        Some(n) => {
            body.resize(n, 0);
            reader.read_exact(&mut body).expect("read body");
        }
        None => {
            reader.read_to_end(&mut body).expect("read body");
        }
    }
    Response {
        status,
        headers: headers.to_string(),
        body: String::from_utf8_lossy(&body).into_owned(),
        bytes: body,
    }
}

/// A live-reload connection, as an open tab has one.
pub struct Live {
    socket: tungstenite::WebSocket<MaybeTlsStream<TcpStream>>,
}

impl Live {
    pub fn connect(addr: &str) -> Live {
        let (mut socket, _) =
            tungstenite::connect(format!("ws://{addr}/.panduan/live")).expect("connect socket");
        if let MaybeTlsStream::Plain(s) = socket.get_mut() {
            s.set_read_timeout(Some(Duration::from_millis(200)))
                .expect("timeout");
        }
        Live { socket }
    }

    /// The next message, or `None` when none comes within `wait`.
    pub fn next_within(&mut self, wait: Duration) -> Option<Value> {
        let deadline = Instant::now() + wait;
        while Instant::now() < deadline {
            match self.socket.read() {
                Ok(tungstenite::Message::Text(text)) => {
                    return Some(serde_json::from_str(text.as_str()).expect("JSON message"));
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => panic!("socket failed: {e}"),
            }
        }
        None
    }

    /// Waits for a message of type `kind`, skipping others.
    pub fn expect(&mut self, kind: &str) -> Value {
        let deadline = Instant::now() + PATIENCE;
        let mut skipped = Vec::new();
        while Instant::now() < deadline {
            if let Some(m) = self.next_within(Duration::from_secs(1)) {
                if m["type"] == kind {
                    return m;
                }
                skipped.push(m);
            }
        }
        panic!("no `{kind}` message; got {skipped:?}")
    }
}
